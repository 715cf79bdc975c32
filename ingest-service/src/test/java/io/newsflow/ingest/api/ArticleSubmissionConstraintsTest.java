package io.newsflow.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ArticleSubmission#plainlyValid()} lets a batch skip Bean Validation for items that certainly pass it: it must
 * never call valid what the validator refuses, and it must know every constraint the record declares.
 */
class ArticleSubmissionConstraintsTest {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static final List<String> TEXTS = Arrays.asList(
            null, "", " ", "\t\n", "\u0000", "\u001f", "\u00a0", "\u2003", "x", " x ", "\u0000x", "Title");

    @Test
    void agreesWithTheValidatorOnEdgeCases() {
        var submissions = new ArrayList<ArticleSubmission>();
        for (var text : TEXTS) {
            submissions.add(submission(text, "body", null, null, null, null, null, null));
            submissions.add(submission("t", text, null, null, null, null, null, null));
            submissions.add(submission("t", null, text, null, null, null, null, null));
            submissions.add(submission("t", "b", null, Arrays.asList("Ann", text), null, null, null, null));
            submissions.add(submission("t", "b", null, null, Arrays.asList(text), null, null, null));
            submissions.add(submission(
                    "t", "b", null, null, null, new ArticleSubmission.SourceReference(text, text), text, text));
        }
        for (var length : new int[] {
            15, 16, 17, 199, 200, 201, 252, 253, 254, 999, 1_000, 1_001, 1_999, 2_000, 2_001, 3_999, 4_000, 4_001
        }) {
            var text = "a".repeat(length);
            submissions.add(submission(text, "b", null, null, null, null, null, null));
            submissions.add(submission("t", null, text, null, null, null, null, null));
            submissions.add(submission("t", "b", null, null, null, null, text, null));
            submissions.add(submission("t", "b", null, null, null, null, null, text));
            submissions.add(submission(
                    "t", "b", null, null, null, new ArticleSubmission.SourceReference(text, null), null, null));
            submissions.add(submission(
                    "t", "b", null, null, null, new ArticleSubmission.SourceReference(null, text), null, null));
        }
        submissions.add(submission("t", "b", null, Arrays.asList((String) null), null, null, null, null));
        submissions.add(submission("t", "b", "https://x.example/", List.of(), List.of(), null, "en", "g"));
        var valid = 0;
        for (var submission : submissions) {
            var validatorSays = validator.validate(submission).isEmpty();
            assertThat(submission.plainlyValid()).as("%s", submission).isEqualTo(validatorSays);
            valid += validatorSays ? 1 : 0;
        }
        // both sides of the line are exercised
        assertThat(valid).isBetween(10, submissions.size() - 10);
    }

    /** A constraint added to the record without a check in plainlyValid would let invalid items through: fail. */
    @Test
    void knowsEveryConstraintOfTheRecord() {
        var constraints = new TreeSet<String>();
        var article = validator.getConstraintsForClass(ArticleSubmission.class);
        article.getConstraintDescriptors().forEach(c -> constraints.add("(class) " + name(c)));
        article.getConstrainedProperties().forEach(property -> {
            property.getConstraintDescriptors()
                    .forEach(c -> constraints.add(property.getPropertyName() + " " + name(c)));
            property.getConstrainedContainerElementTypes().forEach(element -> element.getConstraintDescriptors()
                    .forEach(c -> constraints.add(property.getPropertyName() + "[] " + name(c))));
            if (property.isCascaded()) {
                constraints.add(property.getPropertyName() + " @Valid");
            }
        });
        validator
                .getConstraintsForClass(ArticleSubmission.SourceReference.class)
                .getConstrainedProperties()
                .forEach(property -> property.getConstraintDescriptors()
                        .forEach(c -> constraints.add("source." + property.getPropertyName() + " " + name(c))));
        assertThat(constraints)
                .containsExactlyInAnyOrderElementsOf(Stream.of(
                                "bodyOrUrlPresent AssertTrue",
                                "title NotBlank",
                                "title Size(max=1000)",
                                "url Size(max=4000)",
                                "language Size(max=16)",
                                "guid Size(max=2000)",
                                "authors[] NotBlank",
                                "tags[] NotBlank",
                                "source @Valid",
                                "source.name Size(max=200)",
                                "source.domain Size(max=253)")
                        .toList());
    }

    private static String name(ConstraintDescriptor<?> constraint) {
        var type = constraint.getAnnotation().annotationType().getSimpleName();
        var max = constraint.getAttributes().get("max");
        return max == null ? type : type + "(max=" + max + ")";
    }

    private static ArticleSubmission submission(
            String title,
            String body,
            String url,
            List<String> authors,
            List<String> tags,
            ArticleSubmission.SourceReference source,
            String language,
            String guid) {
        return new ArticleSubmission(title, body, url, null, authors, source, null, null, language, tags, guid, null);
    }
}
