package io.newsflow.enrich.entities;

import io.newsflow.enrich.EnrichProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The name finder of each language: the models shipped in this jar (English, German, Dutch, French; trained only on data whose
 * licence allows shipping them, see {@code entities/README.md}), and the opt-in models named by
 * {@code newsflow.enrich.entities.models} ({@code lang=file}), which replace a shipped one of the same language. An
 * opt-in model's training data and licence are logged from its manifest, as the training tool (enrich-lab,
 * {@code LanguageEntityTraining}) wrote them: such a model may carry terms (CoNLL-2002: research use only) that whoever
 * configures it must keep.
 */
@Component
public class NameFinderModels {

    static final List<String> SHIPPED = List.of("en", "de", "nl", "fr");
    static final String TRAINING_DATA_ENTRY = "Newsflow-Training-Data";
    static final String LICENCE_ENTRY = "Newsflow-Licence";

    private static final Logger log = LoggerFactory.getLogger(NameFinderModels.class);

    private final Map<String, TokenNameFinderModel> models;

    @Autowired
    NameFinderModels(EnrichProperties properties) {
        this(properties.enrich().entities().models());
    }

    NameFinderModels(List<String> optIn) {
        var loaded = new TreeMap<String, TokenNameFinderModel>();
        for (String language : SHIPPED) {
            loaded.put(language, shipped(language));
        }
        for (String entry : optIn) {
            int equals = entry.indexOf('=');
            String language = entry.substring(0, equals).strip();
            Path file = Path.of(entry.substring(equals + 1).strip());
            var model = optInModel(file);
            String licence = model.getManifestProperty(LICENCE_ENTRY);
            if (licence == null) {
                log.warn(
                        "opt-in name finder for {} from {} states no licence of its training data: "
                                + "make sure that data allows your use",
                        language,
                        file);
            } else {
                log.info(
                        "opt-in name finder for {} from {}: trained on {}; licence: {}",
                        language,
                        file,
                        model.getManifestProperty(TRAINING_DATA_ENTRY),
                        licence);
            }
            loaded.put(language, model);
        }
        this.models = Collections.unmodifiableMap(loaded);
    }

    /** The shipped models only, as the service loads them with no opt-in configured. */
    static NameFinderModels shippedOnly() {
        return new NameFinderModels(List.<String>of());
    }

    /** The class path resource of a shipped model. */
    public static String resource(String language) {
        return "/entities/" + language + "-ner-per-org-loc.bin";
    }

    Optional<TokenNameFinderModel> forLanguage(String language) {
        return Optional.ofNullable(models.get(language));
    }

    Set<String> languages() {
        return models.keySet();
    }

    private static TokenNameFinderModel shipped(String language) {
        String resource = resource(language);
        try (InputStream in = Objects.requireNonNull(
                NameFinderModels.class.getResourceAsStream(resource), () -> "missing model " + resource)) {
            return new TokenNameFinderModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + resource, e);
        }
    }

    private static TokenNameFinderModel optInModel(Path file) {
        try {
            return new TokenNameFinderModel(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the name finder model " + file
                            + " named by newsflow.enrich.entities.models (NEWSFLOW_ENRICH_ENTITIES_MODELS)",
                    e);
        }
    }
}
