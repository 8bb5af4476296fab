package io.forewarn.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 transcribed literally, recursion and all, over a list
 * of leaf hashes: slow (O(n) per call) but obviously the RFC, so the fast code is checked against it.
 */
final class ReferenceMerkle {

    private static final LogHasher H = Rfc9162Hasher.SHA_256;

    private ReferenceMerkle() {
    }

    /** MTH(D[n]). */
    static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return H.emptyRoot();
        }
        if (n == 1) {
            return d.get(0);
        }
        int k = largestPowerOfTwoBelow(n);
        return H.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> path = new ArrayList<>();
        if (n == 1) {
            return path;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path.addAll(path(m, d.subList(0, k)));
            path.add(mth(d.subList(k, n)));
        } else {
            path.addAll(path(m - k, d.subList(k, n)));
            path.add(mth(d.subList(0, k)));
        }
        return path;
    }

    /** PROOF(m, D[n]). */
    static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(mth(d));
            }
            return proof;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            proof.addAll(subproof(m, d.subList(0, k), b));
            proof.add(mth(d.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, d.subList(k, n), false));
            proof.add(mth(d.subList(0, k)));
        }
        return proof;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }
}
