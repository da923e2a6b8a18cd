package org.lodestar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Lodestar: a school district's strategic plan as a living system. */
@SpringBootApplication
public class LodestarApplication {

    public static void main(String[] args) {
        SpringApplication.run(LodestarApplication.class, args);
    }
}
