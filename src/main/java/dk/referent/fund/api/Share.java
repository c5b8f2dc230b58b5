package dk.referent.fund.api;

import java.math.BigDecimal;

/** An explicit part of a budget's cost: {@code share} is a fraction (0.5 = half); the shares add up to exactly 1. */
public record Share(String organisation, BigDecimal share) {
}
