package dk.referent.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class MoneyTest {

    @Test
    void parsesWholeKronerAndOere() {
        assertThat(Money.parse("amount", "200000")).isEqualTo(20_000_000L);
        assertThat(Money.parse("amount", "60000.50")).isEqualTo(6_000_050L);
        assertThat(Money.parse("amount", "60000.5")).isEqualTo(6_000_050L);
        assertThat(Money.parse("amount", "0.07")).isEqualTo(7L);
        assertThat(Money.parse("amount", " 0012 ")).isEqualTo(1200L);
        assertThat(Money.parseSigned("amount", "-200000")).isEqualTo(-20_000_000L);
    }

    @Test
    void refusesWhatIsNotAnAmount() {
        for (String bad : new String[] {"", " ", "1,5", "1.234", "1e5", "+5", "5.", ".5", "abc", "1 000", "--1"}) {
            assertThatThrownBy(() -> Money.parseSigned("amount", bad)).as(bad)
                    .isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("amount"));
        }
        assertThatThrownBy(() -> Money.parse("amount", null)).hasMessage("is required");
        assertThatThrownBy(() -> Money.parse("amount", "1000000000000")).hasMessageContaining("too large");
    }

    @Test
    void refusesNegativeOrZeroWhereNotAllowed() {
        assertThatThrownBy(() -> Money.parse("amount", "-1")).hasMessage("must not be negative");
        assertThatThrownBy(() -> Money.parsePositive("amount", "0.00")).hasMessage("must be more than 0");
    }

    @Test
    void formatsWithTwoDecimals() {
        assertThat(Money.format(20_000_000L)).isEqualTo("200000.00");
        assertThat(Money.format(6_000_050L)).isEqualTo("60000.50");
        assertThat(Money.format(7L)).isEqualTo("0.07");
        assertThat(Money.format(0L)).isEqualTo("0.00");
        assertThat(Money.format(-12_900_050L)).isEqualTo("-129000.50");
    }

    @Test
    void writesDanishAmountsForPeople() {
        assertThat(Money.danish(208_200_000L)).isEqualTo("2.082.000,00 kr.");
        assertThat(Money.danish(5L)).isEqualTo("0,05 kr.");
        assertThat(Money.danish(-12_900_050L)).isEqualTo("-129.000,50 kr.");
        assertThat(Money.danish(99_900L)).isEqualTo("999,00 kr.");
    }

    @Test
    void allocatesByLargestRemainder() {
        assertThat(Money.allocate(100, new long[] {1, 1, 1})).containsExactly(34, 33, 33);
        assertThat(Money.allocate(-100, new long[] {1, 1, 1})).containsExactly(-34, -33, -33);
        assertThat(Money.allocate(10, new long[] {0, 2, 1})).containsExactly(0, 7, 3);
        assertThat(Money.allocate(1, new long[] {1, 3})).containsExactly(0, 1);
    }

    @Property
    void formatThenParseGivesTheSameAmount(@ForAll @LongRange(min = -Money.MAX_ORE, max = Money.MAX_ORE) long ore) {
        assertThat(Money.parseSigned("amount", Money.format(ore))).isEqualTo(ore);
    }

    @Property
    void allocatedPartsAddUpToTheOere(@ForAll @LongRange(min = -Money.MAX_ORE, max = Money.MAX_ORE) long amount,
                                      @ForAll @Size(min = 1, max = 8) long[] rawWeights) {
        long[] weights = Arrays.stream(rawWeights).map(w -> Math.abs(w % 10_000_000_000L)).toArray();
        if (Arrays.stream(weights).allMatch(w -> w == 0)) {
            weights[0] = 1;
        }
        long[] parts = Money.allocate(amount, weights);
        assertThat(Arrays.stream(parts).sum()).isEqualTo(amount);
        long total = Arrays.stream(weights).sum();
        for (int i = 0; i < parts.length; i++) {
            // each part is within one øre of its exact share, and zero weight gets nothing
            double exact = (double) amount * weights[i] / total;
            assertThat(Math.abs(parts[i] - exact)).isLessThanOrEqualTo(1.0 + Math.abs(exact) * 1e-12);
            if (weights[i] == 0) {
                assertThat(parts[i]).isZero();
            }
        }
    }
}
