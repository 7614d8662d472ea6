package org.pallas.ledger;

/** Shape arithmetic of left-full Merkle trees (RFC 9162 §2.1), shared by proof generation and verification. */
final class TreeMath {
    private TreeMath() {}

    static int bitLength(long x) {
        return 64 - Long.numberOfLeadingZeros(x);
    }

    /** Largest power of two strictly less than {@code n}, for n &gt; 1: the size of the left subtree. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    static boolean isPowerOfTwo(long n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    /**
     * Exact length of PATH(m, D[0:n]): the siblings below the point where the paths to m and n-1 diverge,
     * plus one left sibling per set bit on the right border above it (transparency-dev/merkle decomposition).
     */
    static int inclusionProofLength(long index, long size) {
        int inner = bitLength(index ^ (size - 1));
        return inner + Long.bitCount(index >>> inner);
    }

    /** Exact length of PROOF(m, D[0:n]) for 0 &lt; m &lt; n. */
    static int consistencyProofLength(long size1, long size2) {
        int fork = bitLength((size1 - 1) ^ (size2 - 1));
        int border = Long.bitCount((size1 - 1) >>> fork);
        int shift = Long.numberOfTrailingZeros(size1);
        return (isPowerOfTwo(size1) ? 0 : 1) + (fork - shift) + border;
    }
}
