package org.pallas.benchmarks.policy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import org.pallas.policy.Application;
import org.pallas.policy.PolicyEngine;

/**
 * Thread CPU time per assessment, which a loaded shared machine does not inflate the way it inflates JMH's wall
 * time. Run: {@code java -cp benchmarks/target/benchmarks.jar org.pallas.benchmarks.policy.AssessmentCpuTime}.
 */
public final class AssessmentCpuTime {

    private AssessmentCpuTime() {}

    public static void main(String[] args) {
        PolicyEngine engine = PolicyEngine.shipped(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        for (int round = 1; round <= rounds; round++) {
            for (String name : new String[] {"high-risk", "low-risk"}) {
                Application application =
                        name.equals("high-risk") ? FivePartyApplications.highRisk() : FivePartyApplications.lowRisk();
                long[] cpu = new long[1000];
                for (int i = 0; i < cpu.length; i++) {
                    long start = threads.getCurrentThreadCpuTime();
                    engine.assess(application);
                    cpu[i] = threads.getCurrentThreadCpuTime() - start;
                }
                Arrays.sort(cpu);
                // The first rounds are JIT warm-up; read the last ones.
                System.out.printf(
                        Locale.ROOT,
                        "round %d %s: CPU p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                        round,
                        name,
                        cpu[500] / 1e6,
                        cpu[989] / 1e6,
                        cpu[999] / 1e6);
            }
        }
    }
}
