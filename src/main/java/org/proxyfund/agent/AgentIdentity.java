package org.proxyfund.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;

/**
 * The agent's own key pair and the id the service gave it, kept in its state folder: {@code agent.key} (PKCS#8, mode
 * 0600), {@code agent.pub} (X.509) and {@code agent.id}. The private key never leaves this folder.
 */
record AgentIdentity(long agentId, KeyPair keys) {

    private static final String KEY = "agent.key";
    private static final String PUB = "agent.pub";
    private static final String ID = "agent.id";

    /** The enrolled identity in the folder, if there is one. */
    static Optional<AgentIdentity> load(Path dir) throws IOException, GeneralSecurityException {
        if (!Files.exists(dir.resolve(ID))) return Optional.empty();
        KeyFactory kf = KeyFactory.getInstance("Ed25519");
        PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(dir.resolve(KEY))));
        PublicKey pub = kf.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(dir.resolve(PUB))));
        return Optional.of(new AgentIdentity(Long.parseLong(Files.readString(dir.resolve(ID)).strip()), new KeyPair(pub, priv)));
    }

    /** A fresh Ed25519 key pair (JDK). */
    static KeyPair generate() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** Writes the identity: the private key readable by its owner only. */
    void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder keeps the platform's default protection.
        }
        Path key = dir.resolve(KEY);
        Files.deleteIfExists(key);
        try {
            Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(key);
        }
        Files.write(key, keys.getPrivate().getEncoded());
        Files.write(dir.resolve(PUB), keys.getPublic().getEncoded());
        Files.writeString(dir.resolve(ID), Long.toString(agentId));
    }
}
