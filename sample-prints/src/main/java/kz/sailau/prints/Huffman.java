package kz.sailau.prints;

import java.util.Arrays;

/** Length-limited canonical Huffman codes for {@link Deflate}, with deterministic tie-breaking. */
final class Huffman {

    private Huffman() {
    }

    /**
     * Code lengths for the given symbol frequencies, none longer than {@code limit}. If the plain Huffman
     * tree is too deep, the frequencies are flattened and the tree rebuilt. A lone used symbol gets length 1.
     */
    static int[] lengths(int[] frequency, int limit) {
        int n = frequency.length;
        long[] scaled = new long[n];
        for (int i = 0; i < n; i++) {
            scaled[i] = frequency[i];
        }
        while (true) {
            int[] result = build(scaled);
            int max = Arrays.stream(result).max().orElse(0);
            if (max <= limit) {
                return result;
            }
            for (int i = 0; i < n; i++) {
                if (scaled[i] > 0) {
                    scaled[i] = (scaled[i] >> 1) + 1;
                }
            }
        }
    }

    private static int[] build(long[] frequency) {
        int n = frequency.length;
        int[] lengths = new int[n];
        int used = 0;
        for (long f : frequency) {
            if (f > 0) {
                used++;
            }
        }
        if (used == 0) {
            return lengths;
        }
        if (used == 1) {
            for (int i = 0; i < n; i++) {
                if (frequency[i] > 0) {
                    lengths[i] = 1;
                }
            }
            return lengths;
        }
        // Nodes 0..n-1 are leaves, n.. are internal; a simple O(n²) merge is enough for at most 286 symbols.
        long[] weight = new long[2 * n];
        int[] parent = new int[2 * n];
        boolean[] alive = new boolean[2 * n];
        Arrays.fill(parent, -1);
        for (int i = 0; i < n; i++) {
            weight[i] = frequency[i];
            alive[i] = frequency[i] > 0;
        }
        int next = n;
        for (int merges = 0; merges < used - 1; merges++) {
            int a = -1;
            int b = -1;
            for (int i = 0; i < next; i++) {
                if (!alive[i]) {
                    continue;
                }
                if (a < 0 || weight[i] < weight[a]) {
                    b = a;
                    a = i;
                } else if (b < 0 || weight[i] < weight[b]) {
                    b = i;
                }
            }
            weight[next] = weight[a] + weight[b];
            alive[a] = false;
            alive[b] = false;
            alive[next] = true;
            parent[a] = next;
            parent[b] = next;
            next++;
        }
        for (int i = 0; i < n; i++) {
            if (frequency[i] > 0) {
                int depth = 0;
                for (int p = parent[i]; p >= 0; p = parent[p]) {
                    depth++;
                }
                lengths[i] = depth;
            }
        }
        return lengths;
    }

    /** Canonical codes for the lengths (RFC 1951 section 3.2.2). */
    static int[] codes(int[] lengths) {
        int max = Arrays.stream(lengths).max().orElse(0);
        int[] lengthCount = new int[max + 1];
        for (int l : lengths) {
            if (l > 0) {
                lengthCount[l]++;
            }
        }
        int[] nextCode = new int[max + 2];
        int code = 0;
        for (int bits = 1; bits <= max; bits++) {
            code = (code + lengthCount[bits - 1]) << 1;
            nextCode[bits] = code;
        }
        int[] codes = new int[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] > 0) {
                codes[i] = nextCode[lengths[i]]++;
            }
        }
        return codes;
    }
}
