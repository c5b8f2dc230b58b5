package dk.referent.fundstatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.referent.fundstatus.FundStatus.Transfer;

/** The annual settlement (udligning): a short list of transfers that evens out every balance exactly. */
final class Settlement {

    private Settlement() {
    }

    /**
     * Greedy, largest first: the organisation that owes most pays the one that is owed most as much as settles one
     * of them, until nobody owes anything. Balances are "paid minus share" and add up to zero; a negative balance
     * owes. At most one transfer fewer than there are organisations; ties go to the first name alphabetically.
     */
    static List<Transfer> transfers(Map<String, Long> balances) {
        Map<String, Long> left = new TreeMap<>(balances);
        long sum = left.values().stream().mapToLong(Long::longValue).sum();
        if (sum != 0) {
            throw new IllegalStateException("settlement balances add up to " + sum + " øre, not 0: " + balances);
        }
        List<Transfer> transfers = new ArrayList<>();
        while (true) {
            Map.Entry<String, Long> debtor = null;
            Map.Entry<String, Long> creditor = null;
            for (Map.Entry<String, Long> e : left.entrySet()) {
                if (debtor == null || e.getValue() < debtor.getValue()) {
                    debtor = e;
                }
                if (creditor == null || e.getValue() > creditor.getValue()) {
                    creditor = e;
                }
            }
            if (debtor == null || debtor.getValue() >= 0) {
                return transfers;
            }
            long amount = Math.min(-debtor.getValue(), creditor.getValue());
            transfers.add(new Transfer(debtor.getKey(), creditor.getKey(), new Dkk(amount)));
            left.put(debtor.getKey(), debtor.getValue() + amount);
            left.put(creditor.getKey(), creditor.getValue() - amount);
        }
    }
}
