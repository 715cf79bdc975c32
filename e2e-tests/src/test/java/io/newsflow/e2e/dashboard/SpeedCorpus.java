package io.newsflow.e2e.dashboard;

import io.newsflow.events.Article;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.events.Enrichment;
import io.newsflow.events.Source;
import io.newsflow.testing.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Ten thousand varied articles, published as enriched events straight onto the run's enriched topic: the subject is
 * how fast the dashboard shows them, so they skip ingest and enrich. Over 30 days, from 15 outlets in three
 * languages, each with its own people, organisations, places, tags and fingerprint, so that no two are one story.
 *
 * @param query what the measured search asks for: a word that more than half of the articles carry
 * @param size how many articles were published
 * @param published how long publishing and indexing took
 */
record SpeedCorpus(String query, int size, Duration published) {

    static final int SIZE = 10_000;
    private static final String QUERY = "market";

    private static final List<String> SOURCES = List.of(
            "Harbour Gazette",
            "Valley Courier",
            "Metro Ledger",
            "Northern Star",
            "Coastal Times",
            "Evening Post",
            "Daily Register",
            "The Observer Desk",
            "City Wire",
            "Riverside News",
            "Plains Chronicle",
            "Mountain Herald",
            "Capital Review",
            "Island Journal",
            "Border Tribune");
    private static final List<String> PEOPLE = List.of(
            "Ana Ortiz",
            "Ben Carter",
            "Chloe Martin",
            "David Kim",
            "Elena Petrova",
            "Farid Haddad",
            "Grace Liu",
            "Hugo Weber",
            "Ines Costa",
            "Jonas Berg",
            "Kemal Aydin",
            "Lena Novak",
            "Marco Rossi",
            "Nadia Rahman",
            "Oscar Lind",
            "Priya Nair",
            "Quentin Moreau",
            "Rosa Diaz",
            "Samuel Okafor",
            "Tara Singh");
    private static final List<String> ORGANIZATIONS = List.of(
            "Port Authority",
            "City Council",
            "National Bank",
            "Rail Union",
            "Health Ministry",
            "Farmers League",
            "Energy Board",
            "University Hospital",
            "Chamber of Commerce",
            "Water Utility",
            "Transit Agency",
            "Football Federation");
    private static final List<String> PLACES = List.of(
            "Rotterdam",
            "Valencia",
            "Gdansk",
            "Porto",
            "Hamburg",
            "Marseille",
            "Genoa",
            "Antwerp",
            "Bilbao",
            "Tallinn",
            "Riga",
            "Naples",
            "Lisbon",
            "Trieste",
            "Malmo");
    private static final List<String> CATEGORIES =
            List.of("politics", "business", "sports", "technology", "science", "health", "culture", "world");
    private static final List<String> TAGS = List.of(
            "shipping",
            "budget",
            "elections",
            "weather",
            "transport",
            "housing",
            "energy",
            "farming",
            "football",
            "schools",
            "courts",
            "tourism",
            "fishing",
            "startups",
            "climate",
            "strikes");
    private static final List<String> NOUNS = List.of(
            "budget",
            "contract",
            "harbour",
            "railway",
            "orchard",
            "council",
            "school",
            "festival",
            "bridge",
            "hospital",
            "market",
            "factory",
            "stadium",
            "election",
            "ferry",
            "museum",
            "pipeline",
            "airport",
            "library",
            "vineyard",
            "court",
            "union",
            "tariff",
            "reservoir");
    private static final List<String> VERBS = List.of(
            "approves",
            "delays",
            "expands",
            "questions",
            "rebuilds",
            "opens",
            "closes",
            "reviews",
            "funds",
            "blocks",
            "doubles",
            "cuts");
    private static final List<String> LANGUAGES = List.of("en", "en", "en", "en", "en", "en", "en", "de", "fr", "es");

    static SpeedCorpus publish(DashboardStack stack) {
        var started = System.nanoTime();
        var random = new Random(20_261_201L);
        var now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        var config = new Properties();
        config.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            var sent = new ArrayList<Future<RecordMetadata>>(SIZE);
            for (int i = 0; i < SIZE; i++) {
                var event = article(stack.run, i, random, now);
                sent.add(producer.send(new ProducerRecord<>(
                        stack.enrichedTopic, event.articleId(), DashboardStack.json.writeValueAsString(event))));
            }
            for (var future : sent) {
                future.get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish the speed corpus", e);
        }
        // indexing runs at a few hundred articles a second on a quiet machine of two cores, far slower on a busy one
        stack.awaitSearchable(marker(stack.run), SIZE, Duration.ofMinutes(5));
        return new SpeedCorpus(QUERY, SIZE, Duration.ofNanos(System.nanoTime() - started));
    }

    private static ArticleEnriched article(String run, int n, Random random, Instant now) {
        var id = UUID.nameUUIDFromBytes((run + ":" + n).getBytes()).toString().replace("-", "");
        var source = pick(random, SOURCES);
        var people = distinct(random, PEOPLE, 1 + random.nextInt(3));
        var organizations = distinct(random, ORGANIZATIONS, 1 + random.nextInt(2));
        var places = distinct(random, PLACES, 1 + random.nextInt(2));
        var nouns = distinct(random, NOUNS, 4);
        var title = "%s %s %s as %s weighs %s"
                .formatted(
                        places.getFirst(), pick(random, VERBS), nouns.get(0), organizations.getFirst(), nouns.get(1));
        var sentences = new ArrayList<String>();
        sentences.add("%s said on %s that the %s %s the %s plan for %s."
                .formatted(
                        people.getFirst(),
                        pick(random, List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")),
                        organizations.getFirst(),
                        pick(random, VERBS).replaceAll("s$", "ed").replace("eed", "ed"),
                        nouns.get(2),
                        places.getFirst()));
        for (int s = 0; s < 6; s++) {
            sentences.add("The %s around the %s drew %d people, and %s %s the %s in %s."
                    .formatted(
                            pick(random, NOUNS),
                            pick(random, NOUNS),
                            10 + random.nextInt(5_000),
                            pick(random, PEOPLE),
                            pick(random, VERBS),
                            pick(random, NOUNS),
                            pick(random, PLACES)));
        }
        sentences.add("Archive reference " + marker(run) + " " + n + ".");
        var text = String.join(" ", sentences);
        var tags = distinct(random, TAGS, 2);
        var publisherTags = List.of(pick(random, TAGS));
        var allTags = new LinkedHashSet<>(tags);
        allTags.addAll(publisherTags);
        var published = now.minus(random.nextInt(30 * 24 * 60), ChronoUnit.MINUTES);
        var language = pick(random, LANGUAGES);
        var domain = source.toLowerCase().replaceAll("[^a-z]", "") + ".example";
        var words = text.split(" ").length;
        var enrichment = new Enrichment(
                language,
                text,
                nouns.stream()
                        .map(noun -> new Enrichment.Keyword(noun, 0.2 + random.nextDouble() * 0.8))
                        .toList(),
                entities(random, people),
                entities(random, organizations),
                entities(random, places),
                new Enrichment.Category(pick(random, CATEGORIES), 0.5 + random.nextDouble() * 0.5),
                List.copyOf(allTags),
                sentences.getFirst(),
                sentences.get(0) + " " + sentences.get(1),
                words,
                Math.max(1, words / 230),
                "%016x".formatted(random.nextLong()),
                publisherTags);
        var article = new Article(
                title,
                text,
                "https://" + domain + "/" + id,
                null,
                List.of(pick(random, PEOPLE)),
                published,
                null,
                language,
                publisherTags,
                null);
        var eventId = UUID.nameUUIDFromBytes(("corpus:" + id).getBytes()).toString();
        return new ArticleEnriched(
                eventId,
                ArticleEnriched.SCHEMA_VERSION,
                id,
                1,
                published.plusSeconds(60),
                "ingested:" + eventId,
                new Source(source, domain, null),
                article,
                enrichment);
    }

    /** A word every article of the corpus carries, and no other. */
    private static String marker(String run) {
        return run.replace("-", "") + "corpus";
    }

    private static List<Enrichment.Entity> entities(Random random, List<String> names) {
        return names.stream()
                .map(name -> new Enrichment.Entity(name, 1 + random.nextInt(4)))
                .toList();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> List<T> distinct(Random random, List<T> values, int count) {
        var picked = new LinkedHashSet<T>();
        while (picked.size() < count) {
            picked.add(pick(random, values));
        }
        return List.copyOf(picked);
    }
}
