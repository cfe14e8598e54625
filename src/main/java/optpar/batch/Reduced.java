package optpar.batch;

import java.io.Serializable;

/**
 * What one job makes of one raw file: a few numbers instead of thousands.
 *
 * <p>Written as one CSV row under {@link #HEADER}; doubles are written with
 * {@link Double#toString} so reading a row back gives exactly the same values.
 *
 * @param file      name of the raw file (for example {@code raw-0007.csv})
 * @param count     number of measurements used
 * @param mean      plain mean (pulled up by the glitches)
 * @param std       standard deviation
 * @param median    median (robust against the glitches)
 * @param medianSe  bootstrap standard error of the median (the job's CPU work)
 * @param badLines  lines that were not numbers and were skipped ({@code --bad-lines skip})
 */
public record Reduced(String file, int count, double mean, double std, double median, double medianSe, int badLines)
        implements Serializable {

    /** The CSV header of reduced files and of the merged summary. */
    public static final String HEADER = "file,count,mean,std,median,median_se,bad_lines";

    /** This result as one CSV row (no newline). */
    public String toCsvRow() {
        return file + "," + count + "," + mean + "," + std + "," + median + "," + medianSe + "," + badLines;
    }

    /**
     * Parses a row written by {@link #toCsvRow()}.
     *
     * @throws IllegalArgumentException when the row does not have the 7 fields of {@link #HEADER}
     */
    public static Reduced parse(String row) {
        String[] f = row.trim().split(",");
        if (f.length != 7) {
            throw new IllegalArgumentException("not a reduced row (want " + HEADER + "): '" + row + "'");
        }
        try {
            return new Reduced(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Integer.parseInt(f[6]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a reduced row (want " + HEADER + "): '" + row + "'");
        }
    }

    /** The run number in the file name ({@code raw-0007.csv} gives 7), or -1 when it has none. */
    public int index() {
        String digits = file.replaceAll("\\D", "");
        return digits.isEmpty() ? -1 : Integer.parseInt(digits.length() > 9 ? digits.substring(digits.length() - 9) : digits);
    }
}
