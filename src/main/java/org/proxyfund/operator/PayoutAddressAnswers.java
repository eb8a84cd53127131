package org.proxyfund.operator;

import org.proxyfund.common.problem.Problem;
import org.proxyfund.common.validation.FieldError;

import java.util.List;

/**
 * How setting and proving a payout address answer over HTTP, in one table for both surfaces: the dashboard takes the
 * status from {@code status}, the API the problem from {@code problem}, whose status is the same.
 */
public final class PayoutAddressAnswers {

    private PayoutAddressAnswers() {
    }

    /** 200 when the address was recorded, 400 when it was refused (wrong network, not an address). */
    public static int status(PayoutAddressService.SetResult r) {
        return r.ok() ? 200 : 400;
    }

    /** 200 when proven, 409 when there is no address to prove, 400 when the signature does not prove it. */
    public static int status(PayoutAddressService.ProveResult r) {
        return r.address() == null ? 409 : r.proof().valid() ? 200 : 400;
    }

    /** The API's problem for a refused address. */
    public static Problem problem(PayoutAddressService.SetResult r) {
        return Problem.invalid(List.of(new FieldError("address", r.code(), r.message())));
    }

    /** The API's problem for a proof that did not prove the address. */
    public static Problem problem(PayoutAddressService.ProveResult r) {
        return r.address() == null ? Problem.of(status(r), "payout.none", "Set a payout address first.")
                : Problem.invalid(List.of(new FieldError("signature", r.proof().code(), r.proof().message())));
    }
}
