package io.newsflow.enrich.entities;

import io.newsflow.enrich.text.SentenceSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;
import org.springframework.stereotype.Component;

/**
 * Finds the people, organisations and places of an article with the name finder of its language
 * ({@link NameFinderModels}: English trained by {@code io.newsflow.enrich.lab.entities.EntityModelTraining} on
 * CoNLL-2003, German and Dutch by {@code LanguageEntityTraining} on the Europeana newspapers), and merges their mentions
 * per article ({@link MentionMerger}).
 *
 * <p>A language without a model gets no entities rather than another language's guesses, which are mostly capitalised
 * words. English text is split and tokenized by OpenNLP's English models; other languages by the project's sentence
 * rules and a tokenizer that splits punctuation off words as their training corpora do, keeping hyphenated compounds
 * ("EU-Parlament") and inner apostrophes whole.
 */
@Component
public class EntityExtractor {

    /** The English name finder, on the class path; the evaluation scores it alone, without the extractor. */
    public static final String MODEL_RESOURCE = "/entities/en-ner-per-org-loc.bin";

    // Honorifics keep their dot, so that the title is one word the merger drops ("Dr. Müller", "mevr. Ollongren").
    private static final Pattern TOKEN =
            Pattern.compile("(?:Dr|Prof|Hr|Fr|St|Mr|mr|Mevr|mevr|Dhr|dhr|Drs|drs|Ir|ir)\\.(?=\\s)"
                    + "|[\\p{L}\\p{M}\\p{N}]+(?:[-'’.&][\\p{L}\\p{M}\\p{N}]+)*|\\S");
    // From the opennlp-models-sentdetect-en and opennlp-models-tokenizer-en artifacts (Apache-2.0, UD English EWT).
    private static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.2-2.5.0.bin";
    static final String TOKENIZER_MODEL = "/opennlp-en-ud-ewt-tokens-1.2-2.5.0.bin";

    private final ThreadSafeSentenceDetectorME sentences;
    private final WordTokenizer tokenizer;
    // Each thread its own finder (they keep the article's adaptive data and per-sentence caches), as OpenNLP's
    // ThreadSafeNameFinderME does.
    private final Map<String, ThreadLocal<NameFinder>> names = new TreeMap<>();

    EntityExtractor(NameFinderModels models) {
        this.sentences = new ThreadSafeSentenceDetectorME(
                EntityExtractor.<SentenceModel>load(SENTENCE_MODEL, SentenceModel::new));
        this.tokenizer = new WordTokenizer(EntityExtractor.<TokenizerModel>load(TOKENIZER_MODEL, TokenizerModel::new));
        for (String language : models.languages()) {
            var model = models.forLanguage(language).orElseThrow();
            names.put(language, ThreadLocal.withInitial(() -> new NameFinder(model)));
        }
    }

    public ExtractedEntities extract(String text, String language) {
        if (text == null || !names.containsKey(language)) {
            return ExtractedEntities.none();
        }
        var mentions = mentions(text, language);
        return MentionMerger.merge(mentions.mentions(), mentions.lowerCaseWords(), language);
    }

    /** The sentences of one line, each as its tokens. */
    private List<String[]> tokenizedSentences(String line, String language) {
        var tokenized = new ArrayList<String[]>();
        if (language.equals("en")) {
            for (Span sentence : sentences.sentPosDetect(line)) {
                String sentenceText = sentence.getCoveredText(line).toString();
                tokenized.add(tokenizer.tokenize(sentenceText));
            }
        } else {
            for (String sentence : SentenceSplitter.sentences(line)) {
                tokenized.add(
                        TOKEN.matcher(sentence).results().map(m -> m.group()).toArray(String[]::new));
            }
        }
        return tokenized;
    }

    /** The article's mentions, and the words it writes in lower case inside its sentences. */
    record Mentions(List<Mention> mentions, Set<String> lowerCaseWords) {}

    /**
     * Every PER, ORG and LOC span in the text; each line is tagged on its own (headings and list items). Two
     * article-level corrections follow the name finder, whose training data has few such names: person names run on
     * over lower-case name particles ("Ursula" + "von der Leyen"), and once an article has named a person in full, the
     * untagged later mentions of their surname are that person too ("Merkel", "von der Leyen").
     */
    Mentions mentions(String text, String language) {
        var names = this.names.get(language).get();
        // Curly apostrophes as straight ones, so that the tokenizer splits possessives as in its training data.
        String normalised = text.replace('\u2019', '\'');
        var sentenceTokens = new ArrayList<String[]>();
        var sentenceSpans = new ArrayList<List<Span>>();
        var headings = new ArrayList<Boolean>();
        var lowerCaseWords = new HashSet<String>();
        names.clearAdaptiveData();
        for (String line : normalised.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            boolean heading = Headings.isHeading(line);
            for (String[] tokens : tokenizedSentences(line, language)) {
                sentenceTokens.add(tokens);
                sentenceSpans.add(List.of(names.find(tokens)));
                headings.add(heading);
                for (int t = 1; t < tokens.length && !heading; t++) {
                    if (Character.isLowerCase(tokens[t].codePointAt(0))) {
                        lowerCaseWords.add(tokens[t]);
                    }
                }
            }
        }
        names.clearAdaptiveData();
        var corrected = NameParticles.correctArticle(sentenceTokens, sentenceSpans, language);
        var mentions = new ArrayList<Mention>();
        for (int i = 0; i < sentenceTokens.size(); i++) {
            var tokens = List.of(sentenceTokens.get(i));
            for (Span span : corrected.get(i)) {
                if (MentionMerger.TYPES.contains(span.getType())) {
                    String words = String.join(" ", tokens.subList(span.getStart(), span.getEnd()));
                    String previous = span.getStart() == 0
                            ? ""
                            : tokens.get(span.getStart() - 1).toLowerCase(Locale.ROOT);
                    mentions.add(new Mention(span.getType(), words, span.getStart() == 0, headings.get(i), previous));
                }
            }
        }
        return new Mentions(mentions, Set.copyOf(lowerCaseWords));
    }

    private interface ModelReader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T load(String resource, ModelReader<T> reader) {
        try (InputStream in = Objects.requireNonNull(
                EntityExtractor.class.getResourceAsStream(resource), () -> "missing model " + resource)) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + resource, e);
        }
    }
}
