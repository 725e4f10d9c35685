// Minimal types for the parts of autocannon the benchmarks use (no @types package is installed).
declare module 'autocannon' {
  interface Stats {
    average: number;
    p50: number;
    p99: number;
    /** requests: how many in all (latency: the number of samples). */
    total: number;
  }
  export interface Result {
    requests: Stats;
    latency: Stats;
    non2xx: number;
    errors: number;
    timeouts: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
    body?: string;
  }
  export default function autocannon(options: Options): Promise<Result>;
}
