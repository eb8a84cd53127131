package org.proxyfund.bench;

import org.proxyfund.common.crypto.SecretCipher;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.MonitorCredential;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Approved SOCKS5 endpoint rows for the benchmark farm's ports, written in batches: one operator account, the farm's
 * credential encrypted per endpoint exactly as EndpointService stores it (bound to the endpoint's id).
 */
final class BenchEndpoints {

    private BenchEndpoints() {
    }

    /** Inserts one approved endpoint per port; returns their ids. */
    static List<Long> insert(DataSource db, SecretCipher cipher, List<Integer> ports) throws SQLException {
        String credential = new MonitorCredential(EndpointType.SOCKS5, Map.of(MonitorCredential.USERNAME, Socks5Farm.USER,
                MonitorCredential.PASSWORD, Socks5Farm.PASSWORD)).encode();
        List<Long> ids = new ArrayList<>(ports.size());
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            long account = account(c);
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO endpoint (account_id, type, label, host, port, region, protocol_fields, credential_enc,
                                          state, address_version)
                    VALUES (?, 'SOCKS5', 'bench', '127.0.0.1', ?, 'EU', '{}', 'v1:pending', 'APPROVED', 1) RETURNING id""")) {
                for (int port : ports) {
                    st.setLong(1, account);
                    st.setInt(2, port);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        ids.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE endpoint SET credential_enc = ? WHERE id = ?")) {
                for (long id : ids) {
                    st.setString(1, cipher.encrypt(credential, EndpointService.context(id)));
                    st.setLong(2, id);
                    st.addBatch();
                }
                st.executeBatch();
            }
            c.commit();
        }
        return ids;
    }

    /** Suspends the benchmark's endpoints so a later size's run does not check them. */
    static void retire(DataSource db, List<Long> ids) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE endpoint SET state = 'SUSPENDED' WHERE id = ANY(?)")) {
            st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            st.executeUpdate();
        }
    }

    /** The PostgreSQL server's main process, so its CPU (the database work of scheduling) is counted too. */
    static long postmasterPid(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("SELECT pg_backend_pid()");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            long backend = rs.getLong(1);
            return ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL runs elsewhere; run the benchmark on the embedded one"));
        }
    }

    private static long account(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO account (handle, password_hash, role, state) VALUES (?, ?, 'OPERATOR', 'APPROVED') RETURNING id""")) {
            st.setString(1, "bench-" + UUID.randomUUID().toString().substring(0, 8));
            st.setString(2, "$2a$04$notarealhashnotarealhashnotarealhash");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
