package org.smartcare.graphql;

import java.util.ArrayList;
import java.util.List;

/** A unified-style line diff (longest common subsequence), small enough for schema texts of a few thousand lines. */
final class LineDiff {

    private LineDiff() {
    }

    /** Lines only in {@code before} start with "- ", lines only in {@code after} with "+ ", each with context. */
    static String of(String before, String after, int context) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        List<Boolean> changed = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add("  " + a.get(i++));
                j++;
                changed.add(false);
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                lines.add("- " + a.get(i++));
                changed.add(true);
            } else {
                lines.add("+ " + b.get(j++));
                changed.add(true);
            }
        }
        return withContext(lines, changed, context);
    }

    private static String withContext(List<String> lines, List<Boolean> changed, int context) {
        StringBuilder out = new StringBuilder();
        int lastPrinted = -1;
        for (int k = 0; k < lines.size(); k++) {
            int from = Math.max(0, k - context);
            int to = Math.min(lines.size() - 1, k + context);
            boolean near = false;
            for (int n = from; n <= to && !near; n++) {
                near = changed.get(n);
            }
            if (!near) {
                continue;
            }
            if (lastPrinted >= 0 && k > lastPrinted + 1) {
                out.append("  ...\n");
            }
            out.append(lines.get(k)).append('\n');
            lastPrinted = k;
        }
        return out.toString();
    }
}
