package io.newsflow.ingest.api;

import io.newsflow.ingest.IngestProperties;
import io.newsflow.ingest.api.ApiExceptionHandler.InvalidField;
import jakarta.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch (a JSON array, or NDJSON: one article per line) into its items, each either a valid submission or
 * the reason it is rejected. The whole body is read before anything is submitted: malformed JSON anywhere refuses the
 * whole batch (there is no telling where its items begin and end), while an invalid or oversized item is rejected
 * alone.
 */
@Component
class BatchReader {

    private final JsonMapper json;
    private final ObjectReader line;
    private final ObjectReader submission;
    private final Validator validator;
    private final long maxArticleBytes;
    private final int maxItems;

    BatchReader(JsonMapper json, Validator validator, IngestProperties properties) {
        this.json = json;
        this.line = json.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.submission = json.readerFor(ArticleSubmission.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.validator = validator;
        this.maxArticleBytes = properties.ingest().limits().maxArticleSize().toBytes();
        this.maxItems = properties.ingest().limits().maxBatchItems();
    }

    sealed interface Item {
        int index();

        /** The item's line in an NDJSON batch, from 1; {@code null} in a JSON array. */
        Integer line();
    }

    record Valid(int index, Integer line, ArticleSubmission submission) implements Item {}

    record Rejected(int index, Integer line, String reason, String detail, List<InvalidField> errors) implements Item {}

    /**
     * Binds the items straight to submissions, the fast way; only when an item does not bind (a field of the wrong
     * type, not an object) is the batch read again item by item as trees, to reject that item alone.
     */
    List<Item> readArray(InputStream body) throws IOException {
        var bytes = body.readAllBytes();
        try {
            return readArray(bytes, false);
        } catch (DatabindException | NotAnObjectException e) {
            return readArray(bytes, true);
        }
    }

    private List<Item> readArray(byte[] body, boolean asTrees) {
        var items = new ArrayList<Item>();
        try (var parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedBatchException(
                        "A batch in application/json is an array of articles", null, locationOf(parser));
            }
            for (var token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                checkCount(items.size() + 1);
                var start = parser.currentTokenLocation().getByteOffset();
                if (asTrees) {
                    JsonNode node = parser.readValueAsTree();
                    var size = parser.currentLocation().getByteOffset() - start;
                    items.add(item(items.size(), null, node, size));
                } else {
                    if (token != JsonToken.START_OBJECT) {
                        throw new NotAnObjectException();
                    }
                    var submission = parser.readValueAs(ArticleSubmission.class);
                    var size = parser.currentLocation().getByteOffset() - start;
                    items.add(
                            size > maxArticleBytes
                                    ? tooLarge(items.size(), null)
                                    : validated(items.size(), null, submission));
                }
            }
            if (parser.nextToken() != null) {
                throw new MalformedBatchException(
                        "Unexpected content after the array of articles", null, locationOf(parser));
            }
        } catch (StreamReadException e) {
            throw new MalformedBatchException(e.getOriginalMessage(), null, Location.of(e));
        }
        return items;
    }

    /** An item of a JSON array that is not an object: only the slower reading as trees can reject it alone. */
    private static final class NotAnObjectException extends RuntimeException {
        NotAnObjectException() {
            super(null, null, false, false);
        }
    }

    List<Item> readNdjson(InputStream body) throws IOException {
        var items = new ArrayList<Item>();
        var lines = new Lines(body, maxArticleBytes);
        for (var next = lines.next(); next != null; next = lines.next()) {
            if (next.blank()) {
                continue;
            }
            checkCount(items.size() + 1);
            if (next.tooLarge()) {
                items.add(tooLarge(items.size(), next.number()));
                continue;
            }
            try {
                ArticleSubmission read = submission.readValue(next.bytes());
                // a line of `null` reads as no article at all: the tree path below names it as not an object
                if (read != null) {
                    items.add(validated(items.size(), next.number(), read));
                    continue;
                }
            } catch (StreamReadException e) {
                throw new MalformedBatchException(e.getOriginalMessage(), next.number(), Location.of(e));
            } catch (DatabindException e) {
                // Not an article: find out whether the line is malformed or an article with an invalid field.
            }
            JsonNode node;
            try {
                node = line.readValue(next.bytes());
            } catch (StreamReadException e) {
                throw new MalformedBatchException(e.getOriginalMessage(), next.number(), Location.of(e));
            } catch (DatabindException e) {
                // trailing tokens: a second value on the same line
                throw new MalformedBatchException(e.getOriginalMessage(), next.number(), null);
            }
            items.add(item(items.size(), next.number(), node, next.bytes().length));
        }
        return items;
    }

    private Item item(int index, Integer lineNumber, JsonNode node, long size) {
        if (size > maxArticleBytes) {
            return tooLarge(index, lineNumber);
        }
        if (!node.isObject()) {
            return new Rejected(
                    index,
                    lineNumber,
                    "invalid",
                    "An article is a JSON object",
                    List.of(new InvalidField(null, "not an object")));
        }
        ArticleSubmission submission;
        try {
            submission = json.treeToValue(node, ArticleSubmission.class);
        } catch (DatabindException e) {
            return new Rejected(
                    index,
                    lineNumber,
                    "invalid",
                    "The article is invalid.",
                    List.of(new InvalidField(ApiExceptionHandler.fieldPath(e), e.getOriginalMessage())));
        }
        return validated(index, lineNumber, submission);
    }

    private Item validated(int index, Integer lineNumber, ArticleSubmission submission) {
        if (submission.plainlyValid()) {
            return new Valid(index, lineNumber, submission);
        }
        var violations = validator.validate(submission);
        if (!violations.isEmpty()) {
            var errors = violations.stream()
                    .map(v -> new InvalidField(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(InvalidField::message))
                    .toList();
            return new Rejected(index, lineNumber, "invalid", "The article is invalid.", errors);
        }
        return new Valid(index, lineNumber, submission);
    }

    private Rejected tooLarge(int index, Integer lineNumber) {
        return new Rejected(
                index, lineNumber, "too-large", "The article is larger than " + maxArticleBytes + " bytes", null);
    }

    private void checkCount(int count) {
        if (count > maxItems) {
            throw new TooManyItemsException(maxItems);
        }
    }

    private static Location locationOf(tools.jackson.core.JsonParser parser) {
        var location = parser.currentTokenLocation();
        return new Location(location.getLineNr(), location.getColumnNr());
    }

    record Location(int line, int column) {
        static Location of(StreamReadException e) {
            return e.getLocation() == null
                    ? null
                    : new Location(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        }
    }

    /** The lines of a body, without their line ends, a line over the limit kept only as "too large". */
    private static final class Lines {

        private final InputStream in;
        private final long limit;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
        private final byte[] chunk = new byte[8192];
        private int position;
        private int filled;
        private int number;
        private boolean ended;

        Lines(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        record Line(int number, byte[] bytes, boolean tooLarge) {
            boolean blank() {
                if (tooLarge) {
                    return false;
                }
                for (var b : bytes) {
                    if (b != ' ' && b != '\t' && b != '\r') {
                        return false;
                    }
                }
                return true;
            }
        }

        Line next() throws IOException {
            if (ended) {
                return null;
            }
            buffer.reset();
            var size = 0L;
            while (true) {
                if (position == filled) {
                    filled = in.read(chunk);
                    position = 0;
                    if (filled <= 0) {
                        ended = true;
                        filled = 0;
                        return size == 0 ? null : line(size);
                    }
                }
                var b = chunk[position++];
                if (b == '\n') {
                    return line(size);
                }
                size++;
                if (size <= limit) {
                    buffer.write(b);
                }
            }
        }

        private Line line(long size) {
            number++;
            var bytes = buffer.toByteArray();
            var length = bytes.length;
            if (length > 0 && bytes[length - 1] == '\r') {
                size--;
            }
            return size > limit ? new Line(number, new byte[0], true) : new Line(number, bytes, false);
        }
    }
}
