package dk.referent.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Amounts in DKK, held as whole øre in a {@code long}: never floating point.
 * <p>
 * The API writes amounts as strings or numbers with at most two decimals ({@code "200000"}, {@code "60000.50"})
 * and returns them as strings with two decimals ({@code "200000.00"}). {@link #danish} writes an amount for a
 * person ("2.082.000,00 kr."), {@link #allocate} splits an amount into whole-øre parts that add up exactly.
 */
public final class Money {

    /** The largest amount accepted anywhere: just under one trillion kroner, so that sums never overflow. */
    public static final long MAX_ORE = 100_000_000_000_000L - 1;

    private static final Pattern AMOUNT = Pattern.compile("(-?)(\\d+)(?:\\.(\\d{1,2}))?");

    private Money() {
    }

    /** A non-negative amount; {@link InvalidInput} on {@code field} otherwise. */
    public static long parse(String field, String text) {
        long ore = parseSigned(field, text);
        if (ore < 0) {
            throw new InvalidInput(field, "must not be negative");
        }
        return ore;
    }

    /** An amount above zero; {@link InvalidInput} on {@code field} otherwise. */
    public static long parsePositive(String field, String text) {
        long ore = parseSigned(field, text);
        if (ore <= 0) {
            throw new InvalidInput(field, "must be more than 0");
        }
        return ore;
    }

    /** An amount that may be negative (an adjustment). */
    public static long parseSigned(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        Matcher m = AMOUNT.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidInput(field, "'" + text + "' is not an amount in DKK with at most two decimals,"
                    + " like \"200000\" or \"60000.50\"");
        }
        String whole = m.group(2).replaceFirst("^0+(?=\\d)", "");
        if (whole.length() > 12) {
            throw new InvalidInput(field, "is too large (at most 999999999999.99)");
        }
        String decimals = m.group(3) == null ? "" : m.group(3);
        long ore = Long.parseLong(whole) * 100 + Long.parseLong((decimals + "00").substring(0, 2));
        return m.group(1).isEmpty() ? ore : -ore;
    }

    /** For the API: "200000.00", "-129000.50". */
    public static String format(long ore) {
        return BigDecimal.valueOf(ore, 2).toPlainString();
    }

    /** For people: "2.082.000,00 kr.", "-129.000,50 kr.". */
    public static String danish(long ore) {
        String digits = Long.toString(Math.abs(ore / 100));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(digits.charAt(i));
        }
        long cents = Math.abs(ore % 100);
        return (ore < 0 ? "-" : "") + grouped + "," + (cents < 10 ? "0" : "") + cents + " kr.";
    }

    /**
     * Splits {@code amountOre} in proportion to {@code weights} (non-negative, at least one positive) into whole øre
     * that add up to exactly {@code amountOre}, by the largest-remainder method: each part is first rounded down,
     * and the øre left over go one each to the parts with the largest remainders (the earlier part on a tie). A
     * negative amount is split as its negation, negated, so that {@code allocate(-a) = -allocate(a)}.
     */
    public static long[] allocate(long amountOre, long[] weights) {
        BigInteger total = BigInteger.ZERO;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            total = total.add(BigInteger.valueOf(w));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("no positive weight in " + Arrays.toString(weights));
        }
        if (amountOre < 0) {
            long[] parts = allocate(-amountOre, weights);
            for (int i = 0; i < parts.length; i++) {
                parts[i] = -parts[i];
            }
            return parts;
        }
        BigInteger amount = BigInteger.valueOf(amountOre);
        long[] parts = new long[weights.length];
        BigInteger[] remainders = new BigInteger[weights.length];
        long left = amountOre;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = amount.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            left -= parts[i];
        }
        int[] order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                        .thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray();
        for (int k = 0; k < left; k++) {
            parts[order[k]]++;
        }
        return parts;
    }
}
