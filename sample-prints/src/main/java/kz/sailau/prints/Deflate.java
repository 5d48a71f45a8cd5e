package kz.sailau.prints;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A small, deterministic DEFLATE compressor (RFC 1951): greedy LZ77 matching with hash chains over a 32 KiB
 * window, and dynamic Huffman blocks (BTYPE 10) with code lengths limited to 15 bits.
 */
final class Deflate {

    private static final int WINDOW = 32768;
    private static final int MIN_MATCH = 3;
    private static final int MAX_MATCH = 258;
    private static final int HASH_BITS = 15;
    private static final int MAX_CHAIN = 32;
    private static final int BLOCK_SYMBOLS = 32768;

    /** RFC 1951 section 3.2.5: base lengths of codes 257..285 and their extra bits. */
    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51,
        59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4,
        4, 5, 5, 5, 5, 0};
    /** RFC 1951 section 3.2.5: base distances of codes 0..29 and their extra bits. */
    private static final int[] DISTANCE_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
        513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DISTANCE_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
        10, 11, 11, 12, 12, 13, 13};
    /** RFC 1951 section 3.2.7: order of the code length code lengths. */
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    private Deflate() {
    }

    static byte[] compress(byte[] data) {
        BitWriter out = new BitWriter();
        int[] head = new int[1 << HASH_BITS];
        Arrays.fill(head, -1);
        int[] previous = new int[data.length];
        // Symbols of the current block: literal/length code, extra value, distance code, extra value.
        int[] symbols = new int[BLOCK_SYMBOLS * 2];
        int count = 0;
        int position = 0;
        while (position < data.length) {
            int bestLength = 0;
            int bestDistance = 0;
            if (position + MIN_MATCH <= data.length) {
                int hash = hash(data, position);
                int candidate = head[hash];
                int chain = 0;
                int limit = Math.min(MAX_MATCH, data.length - position);
                while (candidate >= 0 && position - candidate <= WINDOW && chain < MAX_CHAIN) {
                    int length = 0;
                    while (length < limit && data[candidate + length] == data[position + length]) {
                        length++;
                    }
                    if (length > bestLength) {
                        bestLength = length;
                        bestDistance = position - candidate;
                        if (length == limit) {
                            break;
                        }
                    }
                    candidate = previous[candidate];
                    chain++;
                }
            }
            int advance;
            if (bestLength >= MIN_MATCH) {
                symbols[count * 2] = bestLength << 16 | 1;
                symbols[count * 2 + 1] = bestDistance;
                advance = bestLength;
            } else {
                symbols[count * 2] = (data[position] & 0xff) << 16;
                symbols[count * 2 + 1] = 0;
                advance = 1;
            }
            count++;
            for (int i = 0; i < advance; i++) {
                int p = position + i;
                if (p + MIN_MATCH <= data.length) {
                    int hash = hash(data, p);
                    previous[p] = head[hash];
                    head[hash] = p;
                }
            }
            position += advance;
            if (count == BLOCK_SYMBOLS) {
                writeBlock(out, symbols, count, position >= data.length);
                count = 0;
            }
        }
        if (count > 0 || data.length == 0) {
            writeBlock(out, symbols, count, true);
        }
        return out.finish();
    }

    private static int hash(byte[] data, int p) {
        int v = (data[p] & 0xff) << 16 | (data[p + 1] & 0xff) << 8 | (data[p + 2] & 0xff);
        return (v * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    private static void writeBlock(BitWriter out, int[] symbols, int count, boolean last) {
        int[] literalFrequency = new int[286];
        int[] distanceFrequency = new int[30];
        for (int i = 0; i < count; i++) {
            int s = symbols[i * 2];
            if ((s & 1) == 1) {
                literalFrequency[257 + lengthCode(s >>> 16)]++;
                distanceFrequency[distanceCode(symbols[i * 2 + 1])]++;
            } else {
                literalFrequency[s >>> 16]++;
            }
        }
        literalFrequency[256]++;
        int[] literalLengths = Huffman.lengths(literalFrequency, 15);
        int[] distanceLengths = Huffman.lengths(distanceFrequency, 15);
        if (Arrays.stream(distanceLengths).allMatch(l -> l == 0)) {
            distanceLengths[0] = 1; // at least one distance code must be defined
        }
        int literalCount = 286;
        while (literalCount > 257 && literalLengths[literalCount - 1] == 0) {
            literalCount--;
        }
        int distanceCount = 30;
        while (distanceCount > 1 && distanceLengths[distanceCount - 1] == 0) {
            distanceCount--;
        }
        int[] all = new int[literalCount + distanceCount];
        System.arraycopy(literalLengths, 0, all, 0, literalCount);
        System.arraycopy(distanceLengths, 0, all, literalCount, distanceCount);
        // Run-length encode the code lengths (RFC 1951 section 3.2.7).
        int[] runs = new int[all.length * 2];
        int runCount = 0;
        int[] codeLengthFrequency = new int[19];
        for (int i = 0; i < all.length; ) {
            int value = all[i];
            int run = 1;
            while (i + run < all.length && all[i + run] == value) {
                run++;
            }
            int remaining = run;
            if (value == 0) {
                while (remaining >= 3) {
                    int n = Math.min(remaining, 138);
                    if (n >= 11) {
                        runs[runCount++] = 18 | (n - 11) << 8;
                        codeLengthFrequency[18]++;
                    } else {
                        runs[runCount++] = 17 | (n - 3) << 8;
                        codeLengthFrequency[17]++;
                    }
                    remaining -= n;
                }
            } else {
                runs[runCount++] = value;
                codeLengthFrequency[value]++;
                remaining--;
                while (remaining >= 3) {
                    int n = Math.min(remaining, 6);
                    runs[runCount++] = 16 | (n - 3) << 8;
                    codeLengthFrequency[16]++;
                    remaining -= n;
                }
            }
            for (int k = 0; k < remaining; k++) {
                runs[runCount++] = value;
                codeLengthFrequency[value]++;
            }
            i += run;
        }
        int[] codeLengthLengths = Huffman.lengths(codeLengthFrequency, 7);
        int codeLengthCount = 19;
        while (codeLengthCount > 4 && codeLengthLengths[CODE_LENGTH_ORDER[codeLengthCount - 1]] == 0) {
            codeLengthCount--;
        }
        int[] literalCodes = Huffman.codes(literalLengths);
        int[] distanceCodes = Huffman.codes(distanceLengths);
        int[] codeLengthCodes = Huffman.codes(codeLengthLengths);

        out.write(last ? 1 : 0, 1);
        out.write(2, 2); // dynamic Huffman
        out.write(literalCount - 257, 5);
        out.write(distanceCount - 1, 5);
        out.write(codeLengthCount - 4, 4);
        for (int i = 0; i < codeLengthCount; i++) {
            out.write(codeLengthLengths[CODE_LENGTH_ORDER[i]], 3);
        }
        for (int i = 0; i < runCount; i++) {
            int symbol = runs[i] & 0xff;
            out.writeCode(codeLengthCodes[symbol], codeLengthLengths[symbol]);
            int extra = runs[i] >>> 8;
            if (symbol == 16) {
                out.write(extra, 2);
            } else if (symbol == 17) {
                out.write(extra, 3);
            } else if (symbol == 18) {
                out.write(extra, 7);
            }
        }
        for (int i = 0; i < count; i++) {
            int s = symbols[i * 2];
            if ((s & 1) == 1) {
                int length = s >>> 16;
                int code = lengthCode(length);
                out.writeCode(literalCodes[257 + code], literalLengths[257 + code]);
                out.write(length - LENGTH_BASE[code], LENGTH_EXTRA[code]);
                int distance = symbols[i * 2 + 1];
                int dc = distanceCode(distance);
                out.writeCode(distanceCodes[dc], distanceLengths[dc]);
                out.write(distance - DISTANCE_BASE[dc], DISTANCE_EXTRA[dc]);
            } else {
                int literal = s >>> 16;
                out.writeCode(literalCodes[literal], literalLengths[literal]);
            }
        }
        out.writeCode(literalCodes[256], literalLengths[256]);
    }

    private static int lengthCode(int length) {
        if (length == 258) {
            return 28;
        }
        int code = 0;
        while (code + 1 < 28 && LENGTH_BASE[code + 1] <= length) {
            code++;
        }
        return code;
    }

    private static int distanceCode(int distance) {
        int code = 0;
        while (code + 1 < 30 && DISTANCE_BASE[code + 1] <= distance) {
            code++;
        }
        return code;
    }

    /** Writes bits least significant first (RFC 1951 section 3.1.1). */
    private static final class BitWriter {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long buffer;
        private int bits;

        void write(int value, int count) {
            if (count == 0) {
                return;
            }
            buffer |= ((long) value & ((1L << count) - 1)) << bits;
            bits += count;
            while (bits >= 8) {
                bytes.write((int) (buffer & 0xff));
                buffer >>>= 8;
                bits -= 8;
            }
        }

        /** Huffman codes are packed starting with their most significant bit. */
        void writeCode(int code, int length) {
            write(Integer.reverse(code) >>> (32 - length), length);
        }

        byte[] finish() {
            if (bits > 0) {
                bytes.write((int) (buffer & 0xff));
                buffer = 0;
                bits = 0;
            }
            return bytes.toByteArray();
        }
    }
}
