package org.lodestar.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.mock.web.MockMultipartFile;

/** An uploaded file that counts how often the application opened it, to prove a refusal came before reading. */
public final class WatchedUpload extends MockMultipartFile {

    private final AtomicInteger opened = new AtomicInteger();

    public WatchedUpload(String filename, byte[] content) {
        super("file", filename, "application/octet-stream", content);
    }

    @Override
    public InputStream getInputStream() throws IOException {
        opened.incrementAndGet();
        return super.getInputStream();
    }

    public int opened() {
        return opened.get();
    }
}
