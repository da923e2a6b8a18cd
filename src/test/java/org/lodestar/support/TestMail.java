package org.lodestar.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) on a free port of this machine for every {@code @LodestarTest}, set as the
 * application's {@code spring.mail.host} and {@code port} before it starts, so that the outbox's sender delivers to it
 * as it would to any SMTP server. It is a bean ({@code GreenMail}) for tests to read what arrived. Nothing is sent by
 * itself in tests: the sender runs when a test calls it.
 */
public class TestMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        GreenMail smtp = server();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "greenmail",
                        Map.of(
                                "spring.mail.host",
                                "127.0.0.1",
                                "spring.mail.port",
                                String.valueOf(smtp.getSmtp().getPort()))));
        context.getBeanFactory().registerSingleton("greenMail", smtp);
    }

    private static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }
}
