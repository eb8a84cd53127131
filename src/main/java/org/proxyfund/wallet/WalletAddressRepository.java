package org.proxyfund.wallet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.function.IntFunction;

/** Hands out receive-address indexes from a PostgreSQL sequence, so replicas never hand out the same one. */
@ApplicationScoped
class WalletAddressRepository {

    @Inject
    EntityManager em;

    /** Allocates the next index, derives its address and records it, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    String allocate(IntFunction<String> deriveAddress) {
        int index = ((Number) em.createNativeQuery("SELECT nextval('wallet_address_index_seq')").getSingleResult()).intValue();
        String address = deriveAddress.apply(index);
        em.createNativeQuery("INSERT INTO wallet_address(address_index, address) VALUES (?1, ?2)")
                .setParameter(1, index).setParameter(2, address).executeUpdate();
        return address;
    }

    /** The highest index any replica has handed out, or -1. */
    @Transactional
    int highestIndex() {
        Number n = (Number) em.createNativeQuery("SELECT COALESCE(MAX(address_index), -1) FROM wallet_address").getSingleResult();
        return n.intValue();
    }
}
