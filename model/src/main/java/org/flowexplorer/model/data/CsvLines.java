package org.flowexplorer.model.data;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text file, each at most {@code maxChars} long: like {@code BufferedReader.readLine}
 * (ends at {@code \n}, {@code \r} or {@code \r\n}), but a longer line is not read into memory
 * beyond its first {@code maxChars} characters, so one line of 200 million commas costs nothing.
 */
final class CsvLines {
    /** A line, or the first {@code maxChars} characters of a longer one ({@code overlong}). */
    record Line(String text, boolean overlong) {
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int pos;
    private int end;
    private boolean skipLineFeed;

    CsvLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end of the input. After an overlong line, stop reading. */
    Line next() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? new Line(line.toString(), false) : null;
                }
            }
            char c = buffer[pos++];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n' || c == '\r') {
                skipLineFeed = c == '\r';
                return new Line(line.toString(), false);
            }
            if (line.length() == maxChars) {
                return new Line(line.toString(), true);
            }
            line.append(c);
        }
    }
}
