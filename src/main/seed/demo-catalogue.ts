import type { ProductKind, VatCategory } from '@shared/domain/catalogue'

export interface DemoCategory {
  code: string
  fr: string
  en: string
  /** Durable goods under the legal guarantee of conformity: their ticket is printed without asking. */
  legalGuarantee?: boolean
}

export interface DemoProduct {
  sku: string
  category: string
  fr: string
  en: string
  descriptionFr: string
  descriptionEn: string
  /** Tax-inclusive price in cents. */
  price: number
  vat: VatCategory
  grams: number
  kind?: ProductKind
}

export const DEMO_CATEGORIES: DemoCategory[] = [
  { code: 'epicerie', fr: 'Épicerie', en: 'Grocery' },
  { code: 'librairie', fr: 'Librairie', en: 'Books' },
  { code: 'presse', fr: 'Presse', en: 'Press' },
  { code: 'snacking', fr: 'Café & snacking', en: 'Coffee & snacks' },
  { code: 'maison', fr: 'Maison', en: 'Home' },
  { code: 'papeterie', fr: 'Papeterie', en: 'Stationery' },
  { code: 'high-tech', fr: 'High-tech', en: 'Electronics', legalGuarantee: true },
  { code: 'numerique', fr: 'Numérique', en: 'Digital' },
]

/**
 * A small French shop across every VAT rate: food and books at 5.5 %, take-away food and drinks
 * at 10 %, press at 2.1 %, everything else at 20 %, and digital goods delivered at once.
 */
export const DEMO_PRODUCTS: DemoProduct[] = [
  { sku: 'EPI-CAFE-250', category: 'epicerie', fr: 'Café moulu pur arabica 250 g', en: 'Ground arabica coffee 250 g', descriptionFr: 'Torréfaction artisanale, mouture filtre', descriptionEn: 'Small-batch roast, filter grind', price: 649, vat: 'reduced', grams: 260 },
  { sku: 'EPI-THE-100', category: 'epicerie', fr: 'Thé vert bio 100 g', en: 'Organic green tea 100 g', descriptionFr: 'Sencha du Japon en vrac', descriptionEn: 'Loose Japanese sencha', price: 790, vat: 'reduced', grams: 120 },
  { sku: 'EPI-CHOC-100', category: 'epicerie', fr: 'Chocolat noir 70 % 100 g', en: 'Dark chocolate 70% 100 g', descriptionFr: 'Tablette pure origine Pérou', descriptionEn: 'Single-origin Peru bar', price: 329, vat: 'reduced', grams: 110 },
  { sku: 'EPI-MIEL-500', category: 'epicerie', fr: 'Miel de lavande 500 g', en: 'Lavender honey 500 g', descriptionFr: 'Récolté en Provence', descriptionEn: 'Harvested in Provence', price: 1150, vat: 'reduced', grams: 620 },
  { sku: 'EPI-HUILE-75', category: 'epicerie', fr: "Huile d'olive vierge extra 75 cl", en: 'Extra virgin olive oil 75 cl', descriptionFr: 'Première pression à froid', descriptionEn: 'First cold pressing', price: 1290, vat: 'reduced', grams: 1150 },
  { sku: 'EPI-CONF-370', category: 'epicerie', fr: "Confiture d'abricot 370 g", en: 'Apricot jam 370 g', descriptionFr: 'Fruits du Roussillon', descriptionEn: 'Roussillon fruit', price: 459, vat: 'reduced', grams: 520 },
  { sku: 'EPI-PATES-500', category: 'epicerie', fr: 'Pâtes artisanales 500 g', en: 'Artisan pasta 500 g', descriptionFr: 'Blé dur français, séchage lent', descriptionEn: 'French durum wheat, slow-dried', price: 389, vat: 'reduced', grams: 520 },
  { sku: 'EPI-SEL-250', category: 'epicerie', fr: 'Fleur de sel de Guérande 250 g', en: 'Guérande sea salt flakes 250 g', descriptionFr: 'Récoltée à la main', descriptionEn: 'Hand-harvested', price: 525, vat: 'reduced', grams: 280 },
  { sku: 'LIB-ROMAN-01', category: 'librairie', fr: 'Roman : Les Heures claires', en: 'Novel: The Clear Hours', descriptionFr: 'Broché, 352 pages', descriptionEn: 'Paperback, 352 pages', price: 2200, vat: 'reduced', grams: 420 },
  { sku: 'LIB-POCHE-02', category: 'librairie', fr: 'Livre de poche : Le Port', en: 'Pocket book: The Harbour', descriptionFr: 'Format poche, 224 pages', descriptionEn: 'Pocket format, 224 pages', price: 890, vat: 'reduced', grams: 180 },
  { sku: 'LIB-CUISINE-03', category: 'librairie', fr: 'Livre de cuisine des saisons', en: 'Seasonal cookbook', descriptionFr: 'Relié, 120 recettes', descriptionEn: 'Hardback, 120 recipes', price: 2990, vat: 'reduced', grams: 980 },
  { sku: 'LIB-BD-04', category: 'librairie', fr: 'Bande dessinée : Phare Ouest', en: 'Comic: Lighthouse West', descriptionFr: 'Album cartonné, 64 pages', descriptionEn: 'Hardcover album, 64 pages', price: 1595, vat: 'reduced', grams: 450 },
  { sku: 'LIB-JEUNE-05', category: 'librairie', fr: 'Album jeunesse : Petit Renard', en: "Children's book: Little Fox", descriptionFr: 'Dès 3 ans', descriptionEn: 'Ages 3 and up', price: 1290, vat: 'reduced', grams: 380 },
  { sku: 'LIB-GUIDE-06', category: 'librairie', fr: 'Guide de voyage Bretagne', en: 'Brittany travel guide', descriptionFr: 'Édition 2026, cartes incluses', descriptionEn: '2026 edition with maps', price: 1990, vat: 'reduced', grams: 510 },
  { sku: 'PRE-QUOT-01', category: 'presse', fr: 'Quotidien national', en: 'National daily newspaper', descriptionFr: "Édition du jour", descriptionEn: "Today's edition", price: 280, vat: 'special', grams: 180 },
  { sku: 'PRE-HEBDO-02', category: 'presse', fr: "Hebdomadaire d'actualité", en: 'Weekly news magazine', descriptionFr: 'Numéro de la semaine', descriptionEn: "This week's issue", price: 550, vat: 'special', grams: 260 },
  { sku: 'PRE-REGION-03', category: 'presse', fr: 'Quotidien régional', en: 'Regional daily newspaper', descriptionFr: 'Édition locale', descriptionEn: 'Local edition', price: 150, vat: 'special', grams: 150 },
  { sku: 'PRE-MENS-04', category: 'presse', fr: 'Mensuel sciences', en: 'Monthly science magazine', descriptionFr: 'Numéro du mois', descriptionEn: "This month's issue", price: 690, vat: 'special', grams: 320 },
  { sku: 'SNK-EXPRESSO', category: 'snacking', fr: 'Expresso à emporter', en: 'Take-away espresso', descriptionFr: 'Gobelet carton recyclable', descriptionEn: 'Recyclable paper cup', price: 180, vat: 'intermediate', grams: 0 },
  { sku: 'SNK-CAPPUCCINO', category: 'snacking', fr: 'Cappuccino à emporter', en: 'Take-away cappuccino', descriptionFr: 'Lait entier ou végétal', descriptionEn: 'Whole or plant milk', price: 380, vat: 'intermediate', grams: 0 },
  { sku: 'SNK-SANDWICH', category: 'snacking', fr: 'Sandwich jambon-beurre', en: 'Ham and butter sandwich', descriptionFr: 'Baguette tradition', descriptionEn: 'Traditional baguette', price: 550, vat: 'intermediate', grams: 0 },
  { sku: 'SNK-CROISSANT', category: 'snacking', fr: 'Croissant au beurre', en: 'Butter croissant', descriptionFr: 'Cuit sur place', descriptionEn: 'Baked on site', price: 130, vat: 'intermediate', grams: 0 },
  { sku: 'SNK-SALADE', category: 'snacking', fr: 'Salade composée du jour', en: 'Salad of the day', descriptionFr: 'Préparée le matin', descriptionEn: 'Made this morning', price: 890, vat: 'intermediate', grams: 0 },
  { sku: 'SNK-JUS', category: 'snacking', fr: "Jus d'orange pressé", en: 'Fresh orange juice', descriptionFr: 'Pressé minute, 25 cl', descriptionEn: 'Squeezed to order, 25 cl', price: 420, vat: 'intermediate', grams: 0 },
  { sku: 'MAI-MUG-01', category: 'maison', fr: 'Mug en grès 35 cl', en: 'Stoneware mug 35 cl', descriptionFr: 'Émail bleu de Sèvres', descriptionEn: 'Sèvres blue glaze', price: 1490, vat: 'standard', grams: 380 },
  { sku: 'MAI-BOUGIE-02', category: 'maison', fr: 'Bougie parfumée figuier', en: 'Fig tree scented candle', descriptionFr: 'Cire végétale, 40 h', descriptionEn: 'Plant wax, 40 hours', price: 2400, vat: 'standard', grams: 450 },
  { sku: 'MAI-TORCHON-03', category: 'maison', fr: 'Torchon en lin lavé', en: 'Washed linen tea towel', descriptionFr: 'Lin français', descriptionEn: 'French linen', price: 1800, vat: 'standard', grams: 120 },
  { sku: 'MAI-PLAID-04', category: 'maison', fr: 'Plaid en laine 130 × 170', en: 'Wool throw 130 × 170', descriptionFr: 'Laine mérinos', descriptionEn: 'Merino wool', price: 8900, vat: 'standard', grams: 1400 },
  { sku: 'MAI-THEIERE-05', category: 'maison', fr: 'Théière en fonte 0,8 l', en: 'Cast-iron teapot 0.8 l', descriptionFr: 'Filtre inox inclus', descriptionEn: 'Steel infuser included', price: 4500, vat: 'standard', grams: 1600 },
  { sku: 'MAI-GOURDE-06', category: 'maison', fr: 'Gourde isotherme 50 cl', en: 'Insulated bottle 50 cl', descriptionFr: 'Inox double paroi', descriptionEn: 'Double-wall steel', price: 2690, vat: 'standard', grams: 340 },
  { sku: 'PAP-CARNET-01', category: 'papeterie', fr: 'Carnet ligné A5', en: 'A5 lined notebook', descriptionFr: '192 pages, papier 90 g', descriptionEn: '192 pages, 90 gsm paper', price: 1250, vat: 'standard', grams: 300 },
  { sku: 'PAP-STYLO-02', category: 'papeterie', fr: 'Stylo plume acier', en: 'Steel fountain pen', descriptionFr: 'Plume moyenne', descriptionEn: 'Medium nib', price: 3200, vat: 'standard', grams: 40 },
  { sku: 'PAP-CARTE-03', category: 'papeterie', fr: 'Carte postale illustrée', en: 'Illustrated postcard', descriptionFr: 'Impression locale', descriptionEn: 'Printed locally', price: 150, vat: 'standard', grams: 10 },
  { sku: 'PAP-AGENDA-04', category: 'papeterie', fr: 'Agenda semainier 2027', en: '2027 weekly planner', descriptionFr: 'Couverture toile', descriptionEn: 'Cloth cover', price: 1990, vat: 'standard', grams: 420 },
  { sku: 'PAP-CRAYONS-05', category: 'papeterie', fr: 'Crayons de couleur ×24', en: 'Colouring pencils ×24', descriptionFr: 'Boîte métal', descriptionEn: 'Tin box', price: 1490, vat: 'standard', grams: 350 },
  { sku: 'HT-CABLE-01', category: 'high-tech', fr: 'Câble USB-C 1 m', en: 'USB-C cable 1 m', descriptionFr: 'Tressé, 60 W', descriptionEn: 'Braided, 60 W', price: 1499, vat: 'standard', grams: 60 },
  { sku: 'HT-CHARGEUR-02', category: 'high-tech', fr: 'Chargeur secteur 30 W', en: '30 W wall charger', descriptionFr: 'USB-C Power Delivery', descriptionEn: 'USB-C Power Delivery', price: 2990, vat: 'standard', grams: 90 },
  { sku: 'HT-ECOUTEURS-03', category: 'high-tech', fr: 'Écouteurs sans fil', en: 'Wireless earbuds', descriptionFr: 'Autonomie 24 h avec boîtier', descriptionEn: '24 h battery with case', price: 7990, vat: 'standard', grams: 120 },
  { sku: 'HT-LAMPE-04', category: 'high-tech', fr: 'Lampe de lecture LED', en: 'LED reading light', descriptionFr: 'Rechargeable, pince', descriptionEn: 'Rechargeable clip-on', price: 1990, vat: 'standard', grams: 150 },
  { sku: 'HT-BATTERIE-05', category: 'high-tech', fr: 'Batterie externe 10 000 mAh', en: 'Power bank 10,000 mAh', descriptionFr: 'Deux ports USB', descriptionEn: 'Two USB ports', price: 3490, vat: 'standard', grams: 230 },
  { sku: 'NUM-EBOOK-01', category: 'numerique', fr: 'Livre numérique : Les Heures claires', en: 'E-book: The Clear Hours', descriptionFr: 'EPUB sans DRM, téléchargement immédiat', descriptionEn: 'DRM-free EPUB, instant download', price: 1499, vat: 'reduced', grams: 0, kind: 'digital' },
  { sku: 'NUM-EBOOK-02', category: 'numerique', fr: 'Livre numérique : Cuisine des saisons', en: 'E-book: Seasonal cookbook', descriptionFr: 'EPUB sans DRM, téléchargement immédiat', descriptionEn: 'DRM-free EPUB, instant download', price: 1999, vat: 'reduced', grams: 0, kind: 'digital' },
  { sku: 'NUM-LOGICIEL-03', category: 'numerique', fr: 'Licence logiciel de retouche photo', en: 'Photo editing software licence', descriptionFr: 'Licence perpétuelle, 1 poste', descriptionEn: 'Perpetual licence, 1 seat', price: 4999, vat: 'standard', grams: 0, kind: 'digital' },
  { sku: 'NUM-CADEAU-04', category: 'numerique', fr: 'Carte cadeau jeux vidéo 25 €', en: 'Video game gift card €25', descriptionFr: 'Code à usage unique, boutique partenaire', descriptionEn: 'Single-use code, partner store', price: 2500, vat: 'standard', grams: 0, kind: 'digital' },
  { sku: 'NUM-PRESSE-05', category: 'numerique', fr: 'Abonnement presse numérique 1 mois', en: 'Digital newspaper, 1 month', descriptionFr: 'Accès immédiat', descriptionEn: 'Instant access', price: 999, vat: 'special', grams: 0, kind: 'digital' },
]

/** How each demo digital product reaches the customer; e-books ship with the app. */
export const DEMO_DIGITAL_DELIVERY: ReadonlyArray<{ sku: string; delivery: 'download' | 'licence_key' | 'gift_card' | 'subscription'; file?: string }> = [
  { sku: 'NUM-EBOOK-01', delivery: 'download', file: 'les-heures-claires.epub' },
  { sku: 'NUM-EBOOK-02', delivery: 'download', file: 'cuisine-des-saisons.epub' },
  { sku: 'NUM-LOGICIEL-03', delivery: 'licence_key' },
  { sku: 'NUM-CADEAU-04', delivery: 'gift_card' },
  { sku: 'NUM-PRESSE-05', delivery: 'subscription' },
]
