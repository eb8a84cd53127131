package org.proxyfund.ledger;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The name of a ledger account as stored in {@code ledger_line.account}: a fixed account ({@code wallet},
 * {@code donations}, …) or one operator's payable ({@code operator_payable:<account id>}). Other packages build and
 * read account names only through this type, never by parsing the text.
 */
public record LedgerAccount(String name) {

    private static final String OPERATOR_PAYABLE = "operator_payable:";

    public LedgerAccount {
        Objects.requireNonNull(name, "name");
    }

    /** What the service owes one operator (credits are negative). */
    public static LedgerAccount operatorPayable(long operatorId) {
        return new LedgerAccount(OPERATOR_PAYABLE + operatorId);
    }

    /** The operator whose payable this is, or empty for any other account. */
    public OptionalLong operatorId() {
        if (!name.startsWith(OPERATOR_PAYABLE)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(name.substring(OPERATOR_PAYABLE.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** True for any operator's payable account. */
    public boolean isOperatorPayable() {
        return operatorId().isPresent();
    }

    /** The {@code LIKE} pattern of every operator's payable account, for the ledger's own SQL. */
    static String operatorPayablePattern() {
        return OPERATOR_PAYABLE + "%";
    }

    @Override
    public String toString() {
        return name;
    }
}
