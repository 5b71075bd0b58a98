package org.lexedi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The result of validating one message. Immutable and thread-safe. */
public final class Report {
    final long handle;
    private final boolean valid;
    private final List<Issue> errors;
    private final List<Issue> warnings;

    /** Called from native code with a handle this object now owns. */
    Report(long handle, boolean valid, Issue[] errors, Issue[] warnings) {
        this.handle = handle;
        this.valid = valid;
        this.errors = Collections.unmodifiableList(Arrays.asList(errors));
        this.warnings = Collections.unmodifiableList(Arrays.asList(warnings));
        NativeHandle.register(this, handle, Native::reportFree);
    }

    /** @return true when no issue is CRITICAL or ERROR */
    public boolean isValid() {
        return valid;
    }

    /** @return the CRITICAL and ERROR issues, in evaluation order */
    public List<Issue> getErrors() {
        return errors;
    }

    /** @return the WARNING (and INFO, when requested) issues */
    public List<Issue> getWarnings() {
        return warnings;
    }

    /** @return every issue, errors first */
    public List<Issue> getIssues() {
        List<Issue> all = new ArrayList<>(errors);
        all.addAll(warnings);
        return Collections.unmodifiableList(all);
    }

    /** @param code an issue code @return true when some issue has it */
    public boolean hasCode(String code) {
        return getIssues().stream().anyMatch(i -> i.getCode().equals(code));
    }

    @Override
    public String toString() {
        return "Report(valid=" + valid + ", errors=" + errors + ", warnings=" + warnings + ")";
    }
}
