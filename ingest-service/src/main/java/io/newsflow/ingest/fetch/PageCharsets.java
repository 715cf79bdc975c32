package io.newsflow.ingest.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decodes a page: a byte order mark first, then the charset of the HTTP header, then the document's own ({@code <meta
 * charset>}, {@code http-equiv} Content-Type, the XML declaration), then the bytes (UTF-8 when they are valid UTF-8,
 * else windows-1252, which is what browsers take ISO-8859-1 and unlabelled Western pages for).
 */
final class PageCharsets {

    private static final Pattern HEADER_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING =
            Pattern.compile("^<\\?xml[^>]+encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final int PRESCAN = 4096;

    private PageCharsets() {}

    static String decode(byte[] body, String contentType) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
        }
        var declared = charset(HEADER_CHARSET, contentType).or(() -> {
            var head = new String(body, 0, Math.min(body.length, PRESCAN), StandardCharsets.ISO_8859_1);
            return charset(META_CHARSET, head).or(() -> charset(XML_ENCODING, head));
        });
        if (declared.isPresent()) {
            return new String(body, declared.get());
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(body, Charset.forName("windows-1252"));
        }
    }

    private static Optional<Charset> charset(Pattern pattern, String text) {
        if (text == null) {
            return Optional.empty();
        }
        var matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            var charset = Charset.forName(matcher.group(1));
            // As browsers do (WHATWG Encoding): a page labelled ISO-8859-1 is decoded as its superset windows-1252.
            return Optional.of(charset.equals(StandardCharsets.ISO_8859_1) ? Charset.forName("windows-1252") : charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
