package io.billflow.portal.adapter.web;

import java.io.IOException;
import org.springframework.web.multipart.MultipartFile;

/** The bytes of an uploaded part; an absent or empty part is null, as the certificate registration expects. */
final class PortalUploads {

    private PortalUploads() {
    }

    static byte[] bytes(MultipartFile part) throws IOException {
        return part == null || part.isEmpty() ? null : part.getBytes();
    }
}
