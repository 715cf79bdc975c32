package io.newsflow.ingest.benchmark;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.handler.TracingAwareMeterObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.kafka.support.micrometer.KafkaRecordSenderContext;
import org.springframework.kafka.support.micrometer.KafkaTemplateObservation;
import org.springframework.kafka.support.micrometer.KafkaTemplateObservation.DefaultKafkaTemplateObservationConvention;

/**
 * What Spring Kafka's observation of one send costs the sending thread, as {@code KafkaTemplate} observes it (start,
 * scope, stop), inside an unsampled request's observation (nine requests in ten at the default sampling), with the
 * handlers Spring Boot registers: OpenTelemetry's tracing, and the meter handler with or without its long task
 * timer. The end-to-end benchmark cannot resolve a few percent; this isolates the part the observation settings
 * change. Run: see the module's README ("Benchmark").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class SendObservationBenchmark {

    /**
     * {@code boot}: Spring Boot's handlers as they are; {@code no-long-task-timer}: its meter handler without the
     * long task timer; {@code meters-only} and {@code tracing-only}: one of the two handler groups alone;
     * {@code unsampled-shortcut}: a candidate, not in the services, that lets the send of an unsampled request carry
     * the request's context on as it is instead of opening a span of its own that no one will see.
     */
    @Param({"boot", "no-long-task-timer", "meters-only", "tracing-only", "unsampled-shortcut"})
    public String handlers;

    private ObservationRegistry registry;
    private Observation request;
    private Observation.Scope requestScope;

    @Setup(Level.Trial)
    public void setUp() {
        var otel = SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()).build();
        var otelTracer = otel.get("benchmark");
        var context = new OtelCurrentTraceContext();
        var tracer =
                new OtelTracer(otelTracer, context, event -> {}, new OtelBaggageManager(context, List.of(), List.of()));
        var propagator =
                new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer);
        var prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var meters = handlers.equals("no-long-task-timer")
                ? new DefaultMeterObservationHandler(prometheus, IgnoredMeters.LONG_TASK_TIMER)
                : new DefaultMeterObservationHandler(prometheus);
        // as Boot does when tracing is on: the timers' exemplars need the span in scope, which needs the tracing
        ObservationHandler<?> meterHandler =
                handlers.equals("meters-only") ? meters : new TracingAwareMeterObservationHandler<>(meters, tracer);
        var tracingHandler = handlers.equals("unsampled-shortcut")
                ? new FirstMatchingCompositeObservationHandler(
                        new UnsampledSendPropagation(propagator),
                        new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                        new DefaultTracingObservationHandler(tracer))
                : new FirstMatchingCompositeObservationHandler(
                        new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                        new DefaultTracingObservationHandler(tracer));
        registry = ObservationRegistry.create();
        if (!handlers.equals("meters-only")) {
            registry.observationConfig().observationHandler(tracingHandler);
        }
        if (!handlers.equals("tracing-only")) {
            registry.observationConfig().observationHandler(meterHandler);
        }
        request = Observation.start("http.server.requests", registry);
        requestScope = request.openScope();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        requestScope.close();
        request.stop();
    }

    @Benchmark
    public void observedSend(Blackhole blackhole) {
        var record = new ProducerRecord<String, Object>("newsflow.articles.raw", "article-id", "event");
        var observation = KafkaTemplateObservation.TEMPLATE_OBSERVATION.observation(
                null,
                DefaultKafkaTemplateObservationConvention.INSTANCE,
                () -> new KafkaRecordSenderContext(record, "kafkaTemplate", () -> null),
                registry);
        observation.start();
        try (var ignored = observation.openScope()) {
            blackhole.consume(record);
        }
        observation.stop();
    }

    /**
     * The send of an unsampled trace: its record gets the request's trace context (not sampled, as before) and no
     * span of its own; the meter handler still times it.
     */
    private static final class UnsampledSendPropagation implements ObservationHandler<SenderContext<Object>> {

        private final Propagator propagator;

        UnsampledSendPropagation(Propagator propagator) {
            this.propagator = propagator;
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof SenderContext<?> && unsampledParent(context) != null;
        }

        @Override
        public void onStart(SenderContext<Object> context) {
            var parent = unsampledParent(context);
            propagator.inject(parent.context(), context.getCarrier(), context.getSetter()::set);
            // the meter handler's exemplars look for a span here; the request's is the one in scope
            var tracing = new TracingObservationHandler.TracingContext();
            tracing.setSpan(parent);
            context.put(TracingObservationHandler.TracingContext.class, tracing);
        }

        private static Span unsampledParent(Observation.Context context) {
            var parent = context.getParentObservation();
            if (parent == null) {
                return null;
            }
            TracingObservationHandler.TracingContext tracing =
                    parent.getContextView().getOrDefault(TracingObservationHandler.TracingContext.class, null);
            var span = tracing == null ? null : tracing.getSpan();
            return span != null && !Boolean.TRUE.equals(span.context().sampled()) ? span : null;
        }
    }
}
