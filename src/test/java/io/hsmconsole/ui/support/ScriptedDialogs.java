package io.hsmconsole.ui.support;

import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.ErrorReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A dialog service for view-model tests: answers as the test says and records what was asked. */
public final class ScriptedDialogs implements DialogService {
    public final List<ErrorReport> errors = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    public boolean answer = true;
    public Path saveTo;

    @Override
    public void showError(ErrorReport report) {
        errors.add(report);
    }

    @Override
    public boolean confirm(String title, String message) {
        questions.add(message);
        return answer;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        return Optional.ofNullable(saveTo);
    }
}
