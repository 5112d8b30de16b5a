/**
 * Benchmarks report every figure as a ratio to a baseline measured in the same run on the same
 * machine, so that numbers stay comparable across machines. Timings never go into a test.
 */
export interface Measurement {
  medianMs: number
  samples: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Runs `fn` a few times to warm up, then `samples` times, and returns the median duration. */
export function measure(fn: () => unknown, samples = 50, warmup = 5): Measurement {
  for (let i = 0; i < warmup; i++) fn()
  const durations: number[] = []
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint()
    fn()
    durations.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return { medianMs: median(durations), samples }
}

export async function measureAsync(fn: () => Promise<unknown>, samples = 50, warmup = 5): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn()
  const durations: number[] = []
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint()
    await fn()
    durations.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return { medianMs: median(durations), samples }
}

/** Prints one line: the subject's median, the baseline's median, and their ratio. */
export function reportRatio(label: string, subject: Measurement, baseline: Measurement, baselineLabel: string): void {
  const ratio = subject.medianMs / Math.max(baseline.medianMs, 1e-6)
  console.log(
    `${label.padEnd(48)} ${subject.medianMs.toFixed(3).padStart(9)} ms median  ` +
      `= ${ratio.toFixed(2).padStart(7)} x baseline (${baselineLabel}: ${baseline.medianMs.toFixed(3)} ms)`,
  )
}

/** Prints a throughput (operations per second) as a ratio to a baseline throughput. */
export function reportThroughput(label: string, opsPerSecond: number, baselineOpsPerSecond: number, baselineLabel: string): void {
  const ratio = opsPerSecond / Math.max(baselineOpsPerSecond, 1e-6)
  console.log(
    `${label.padEnd(48)} ${opsPerSecond.toFixed(0).padStart(9)} /s  ` +
      `= ${ratio.toFixed(3).padStart(7)} x baseline (${baselineLabel}: ${baselineOpsPerSecond.toFixed(0)} /s)`,
  )
}

export function heading(title: string): void {
  console.log(`\n== ${title}`)
}
