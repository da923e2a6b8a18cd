package org.lodestar.platform.db;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Starts the embedded PostgreSQL when no external database is configured (no {@code spring.datasource.url}). */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseUrl.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${lodestar.data-dir:./data}") Path dataDir,
            @Value("${lodestar.embedded-db.port:0}") int port,
            @Value("${lodestar.embedded-db.reset-on-start:false}") boolean reset) {
        return EmbeddedPostgres.start(dataDir.toAbsolutePath().normalize(), port, reset);
    }

    /** The application signs in as the database's owner, which is not a superuser (see {@link EmbeddedPostgres}). */
    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .url(postgres.jdbcUrl())
                .username(EmbeddedPostgres.APP_USER)
                .password(postgres.applicationPassword())
                .build();
    }

    static class NoDatabaseUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
