package org.pallas.screening;

/**
 * A row (or element) of a list file that could not be imported as it stands.
 *
 * @param file   the file name
 * @param line   the 1-based line where the row starts
 * @param reason what is wrong, in words a list administrator can act on
 */
public record Malformation(String file, long line, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
