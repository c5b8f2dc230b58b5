package dk.referent.fundstatus;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.referent.shared.Money;

/** An amount in the fund status: whole øre inside, a string with two decimals in JSON ("200000.00"). */
record Dkk(long ore) {

    static final Dkk ZERO = new Dkk(0);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Dkk parse(String text) {
        return new Dkk(Money.parseSigned("amount", text));
    }

    @JsonValue
    @Override
    public String toString() {
        return Money.format(ore);
    }
}
