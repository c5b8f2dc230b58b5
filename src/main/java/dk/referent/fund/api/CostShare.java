package dk.referent.fund.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.referent.shared.Money;

/**
 * One organisation's part of a budget's resolved cost split, as an exact fraction: the organisation bears
 * {@code weight / (sum of the weights of the split)}. A split by contributions has each organisation's total
 * contribution in øre as its weight; an explicit split has its decimal shares scaled to whole numbers
 * (0.5 / 0.25 / 0.25 → 50 / 25 / 25).
 */
public record CostShare(String organisation, long weight) {

    /**
     * Each organisation's part of {@code amountOre} under {@code split}, in whole øre adding up exactly to the
     * amount (largest remainder, see {@link Money#allocate}); in the split's order.
     */
    public static Map<String, Long> allocate(long amountOre, List<CostShare> split) {
        long[] weights = split.stream().mapToLong(CostShare::weight).toArray();
        long[] parts = Money.allocate(amountOre, weights);
        Map<String, Long> result = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            result.put(split.get(i).organisation(), parts[i]);
        }
        return result;
    }
}
