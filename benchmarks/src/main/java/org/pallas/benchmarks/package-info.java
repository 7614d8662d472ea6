/** JMH benchmarks of the plain-Java cores; results are recorded in docs/benchmarks.md. */
package org.pallas.benchmarks;
