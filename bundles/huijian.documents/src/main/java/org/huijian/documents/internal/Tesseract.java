package org.huijian.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.huijian.documents.Box;
import org.huijian.documents.ProcessingException;
import org.huijian.documents.TextLine;

/**
 * Runs the {@code tesseract} program once per page: the PNG goes in on its standard input, the TSV (one row per
 * block, paragraph, line and word, with boxes and confidences) comes back on its standard output. Nothing is
 * written to disk. The process is killed when the deadline passes or the job is cancelled. OpenMP is held to
 * one thread per process ({@code OMP_THREAD_LIMIT=1}): the worker pool decides how many pages run at once.
 */
final class Tesseract {
    /** A running page, so that it can be killed from outside. */
    interface Handle {
        void started(Process p);
    }

    private final String program;
    private final String languages;
    private final int psm;
    private final String tessdata;

    Tesseract(String program, String languages, int psm, String tessdata) {
        this.program = program;
        this.languages = languages;
        this.psm = psm;
        this.tessdata = tessdata;
    }

    /** {@code tesseract --version}'s first line, and the installed languages, or a reason it does not run. */
    String check() throws IOException, InterruptedException {
        Process p = command(List.of(program, "--list-langs")).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(program + " --list-langs failed: " + err.strip());
        }
        List<String> installed = out.lines().skip(1).map(String::strip).toList();
        for (String lang : languages.split("\\+")) {
            if (!installed.contains(lang)) {
                throw new IOException("Tesseract has no language " + lang + " (installed: " + installed
                        + "); on Debian install tesseract-ocr-" + lang.replace('_', '-'));
            }
        }
        return "languages " + installed;
    }

    private ProcessBuilder command(List<String> args) {
        ProcessBuilder pb = new ProcessBuilder(args);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        if (!tessdata.isBlank()) {
            pb.environment().put("TESSDATA_PREFIX", tessdata);
        }
        return pb;
    }

    /** Reads a PNG; the lines found, top to bottom (empty when none). */
    List<TextLine> read(byte[] png, int dpi, long deadlineNanos, Handle handle) throws InterruptedException {
        List<String> args = List.of(program, "stdin", "stdout", "-l", languages, "--psm", Integer.toString(psm),
                "--dpi", Integer.toString(dpi), "tsv");
        Process p;
        try {
            p = command(args).start();
        } catch (IOException e) {
            throw new ProcessingException(ProcessingException.OCR_FAILED, "cannot start " + program + ": " + e.getMessage());
        }
        handle.started(p);
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(png);
            } catch (IOException e) {
                // Tesseract stopped reading: its exit code and error output below say why.
            }
            byte[] out;
            byte[] err;
            try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
                out = o.readAllBytes();
                err = e.readAllBytes();
            } catch (IOException e) {
                out = new byte[0];
                err = e.getMessage() == null ? new byte[0] : e.getMessage().getBytes(StandardCharsets.UTF_8);
            }
            long left = deadlineNanos - System.nanoTime();
            if (!p.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                p.destroyForcibly();
                throw new ProcessingException(ProcessingException.TIMED_OUT, "Tesseract did not finish in time");
            }
            if (p.exitValue() != 0) {
                String reason = new String(err, StandardCharsets.UTF_8).strip();
                if (System.nanoTime() >= deadlineNanos) {
                    throw new ProcessingException(ProcessingException.TIMED_OUT, "Tesseract did not finish in time");
                }
                throw new ProcessingException(ProcessingException.OCR_FAILED, "Tesseract failed (exit " + p.exitValue()
                        + "): " + (reason.length() > 300 ? reason.substring(0, 300) : reason));
            }
            return parse(new String(out, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }

    private record Word(String text, int left, int top, int width, int height, double conf) {
    }

    /** Tesseract's TSV: level, page, block, paragraph, line, word, left, top, width, height, conf, text. */
    static List<TextLine> parse(String tsv) {
        Map<String, List<Word>> lines = new LinkedHashMap<>();
        for (String row : tsv.split("\n")) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !"5".equals(f[0])) {
                continue;
            }
            String text = f[11].strip();
            double conf;
            try {
                conf = Double.parseDouble(f[10]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (text.isEmpty() || conf < 0) {
                continue;
            }
            String key = f[1] + "/" + f[2] + "/" + f[3] + "/" + f[4];
            lines.computeIfAbsent(key, k -> new ArrayList<>()).add(new Word(text, Integer.parseInt(f[6]),
                    Integer.parseInt(f[7]), Integer.parseInt(f[8]), Integer.parseInt(f[9]), conf));
        }
        List<TextLine> out = new ArrayList<>();
        for (List<Word> words : lines.values()) {
            StringBuilder sb = new StringBuilder();
            int l = Integer.MAX_VALUE, t = Integer.MAX_VALUE, r = Integer.MIN_VALUE, b = Integer.MIN_VALUE;
            double confSum = 0;
            int chars = 0;
            for (Word w : words) {
                if (sb.length() > 0 && spaced(sb.charAt(sb.length() - 1), w.text().charAt(0))) {
                    sb.append(' ');
                }
                sb.append(w.text());
                l = Math.min(l, w.left());
                t = Math.min(t, w.top());
                r = Math.max(r, w.left() + w.width());
                b = Math.max(b, w.top() + w.height());
                confSum += w.conf() * w.text().length();
                chars += w.text().length();
            }
            out.add(new TextLine(sb.toString(), new Box(l, t, r - l, b - t), confSum / chars));
        }
        return out;
    }

    /** A space between two words only where both sides are Latin letters or digits (none between Chinese). */
    private static boolean spaced(char before, char after) {
        return latin(before) && latin(after);
    }

    private static boolean latin(char c) {
        return c < 0x2e80 && !Character.isWhitespace(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN;
    }
}
