package org.lodestar.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Many requests at once, each re-reading its account: the account and its grants are read one after the other on one
 * connection, so more requests than the pool has connections never wait on each other for a second one (the load
 * benchmark found every request stalled for 30 s when the grants were read inside the account's row mapper).
 */
@LodestarTest
class ConcurrentRequestsTest {

    private static final int REQUESTS = 40; // four times the connection pool

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokenStore tokens;

    @Test
    void moreRequestsAtOnceThanConnectionsAllAnswer() throws Exception {
        SignedInUser viewer = fixtures.user("board@lakeview.example");
        String token = tokens.create(viewer.districtId(), viewer.userId(), "concurrency");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(clients.submit(() -> http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/plans"))
                                        .header("Authorization", "Bearer " + token)
                                        .timeout(Duration.ofSeconds(20))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
