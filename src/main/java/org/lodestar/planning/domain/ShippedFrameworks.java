package org.lodestar.planning.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lodestar.planning.compliance.Framework;
import org.lodestar.planning.compliance.FrameworkFile;
import org.lodestar.planning.compliance.FrameworkFileRefused;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The frameworks shipped inside the application (federal and Texas required plans), read once at start. A shipped file
 * that does not read stops the start: it is a defect of the release, not something a district can mend.
 */
@Component
class ShippedFrameworks {

    static final String LOCATION = "classpath:compliance/frameworks/*.json";

    private final List<Framework> frameworks;

    ShippedFrameworks() {
        this(LOCATION);
    }

    ShippedFrameworks(String location) {
        List<Framework> read = new ArrayList<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(location)) {
                try (InputStream in = file.getInputStream()) {
                    read.add(FrameworkFile.read(in.readNBytes(FrameworkFile.MAX_BYTES + 1)));
                } catch (FrameworkFileRefused refused) {
                    throw new IllegalStateException(file.getFilename() + " does not read: " + refused.problems());
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        read.sort(Comparator.comparing(Framework::code));
        this.frameworks = List.copyOf(read);
    }

    List<Framework> all() {
        return frameworks;
    }
}
