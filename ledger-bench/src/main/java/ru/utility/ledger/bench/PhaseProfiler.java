package ru.utility.ledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * With {@code -Dbench.profile=true}, a JDK Flight Recorder recording (the JDK's "profile" settings) of one
 * benchmark phase, written next to the JSON as {@code bench-<phase>.jfr}; a short summary of the hottest
 * methods is printed at once. Analyse further with {@code jfr view hot-methods <file>} or
 * {@code jfr print --events jdk.ExecutionSample <file>}.
 */
final class PhaseProfiler implements AutoCloseable {

    private static final int TOP = 15;

    private final Recording recording;
    private final Path file;

    private PhaseProfiler(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static PhaseProfiler start(BenchSettings settings, String phase) throws IOException, ParseException {
        if (!settings.profile()) {
            return new PhaseProfiler(null, null);
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setName("bench-" + phase);
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        recording.start();
        Path dir = settings.output().toAbsolutePath().getParent();
        return new PhaseProfiler(recording, dir.resolve("bench-" + phase + ".jfr"));
    }

    @Override
    public void close() throws IOException {
        if (recording == null) {
            return;
        }
        recording.stop();
        Files.createDirectories(file.getParent());
        recording.dump(file);
        recording.close();
        summarise(file);
    }

    /** Top frames of the execution samples, and the first frame of ours/Axon/driver on each sampled stack. */
    private static void summarise(Path file) throws IOException {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            top.merge(name(frames.getFirst()), 1, Integer::sum);
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("ru.utility.ledger") && !type.startsWith("ru.utility.ledger.bench")) {
                    ours.merge(name(frame), 1, Integer::sum);
                    break;
                }
            }
        }
        System.out.printf("%n  profile %s: %d execution samples%n", file, samples);
        print("top frames", top, samples);
        print("innermost ledger frame on the stack", ours, samples);
    }

    private static void print(String title, Map<String, Integer> counts, int samples) {
        System.out.println("  -- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> System.out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(samples, 1),
                        e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
