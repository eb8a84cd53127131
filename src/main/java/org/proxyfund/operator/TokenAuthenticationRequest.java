package org.proxyfund.operator;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A session cookie or an API bearer token waiting to be checked against the database. */
public class TokenAuthenticationRequest extends BaseAuthenticationRequest {

    /** Where the token came from. */
    public enum Kind { SESSION, API }

    private final String token;
    private final Kind kind;

    public TokenAuthenticationRequest(String token, Kind kind) {
        this.token = token;
        this.kind = kind;
    }

    public String token() {
        return token;
    }

    public Kind kind() {
        return kind;
    }
}
