package org.lodestar.directory.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.ApiToken;
import org.lodestar.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Personal API tokens. Only a hash is stored: the token itself is shown once, when it is made.
 */
@Repository
public class ApiTokenStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;

    ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes a token and returns its secret, which is not kept. */
    public String create(UUID districtId, UUID userId, String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "lds_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql(
                        "insert into api_token (district_id, id, user_id, name, token_hash, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(districtId, Ids.next(), userId, name, hash(secret), Timestamp.from(Instant.now()))
                .update();
        return secret;
    }

    public List<ApiToken> forUser(UUID districtId, UUID userId) {
        return jdbc.sql(
                        "select id, name, created_at, revoked_at from api_token where district_id = ? and user_id = ? order by created_at desc")
                .params(districtId, userId)
                .query((rs, row) -> new ApiToken(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null
                                ? null
                                : rs.getTimestamp("revoked_at").toInstant()))
                .list();
    }

    public void revoke(UUID districtId, UUID userId, UUID tokenId) {
        jdbc.sql(
                        "update api_token set revoked_at = ? where district_id = ? and user_id = ? and id = ? and revoked_at is null")
                .params(Timestamp.from(Instant.now()), districtId, userId, tokenId)
                .update();
    }

    /** The (district, user) a live token belongs to. */
    public Optional<UUID[]> owner(String secret) {
        return jdbc.sql("select district_id, user_id from api_token where token_hash = ? and revoked_at is null")
                .param(hash(secret))
                .query((rs, row) ->
                        new UUID[] {rs.getObject("district_id", UUID.class), rs.getObject("user_id", UUID.class)})
                .optional();
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
