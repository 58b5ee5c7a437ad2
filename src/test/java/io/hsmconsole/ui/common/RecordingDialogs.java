package io.hsmconsole.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A dialog service for view-model tests: records what would have been shown, answers as told. */
public final class RecordingDialogs implements DialogService {
    public final List<ErrorReport> errors = new ArrayList<>();
    public final List<String> confirmations = new ArrayList<>();
    public final List<String> messages = new ArrayList<>();
    public boolean confirmAnswer = true;
    public Path saveAnswer;
    public Path openAnswer;
    public Path folderAnswer;
    public final List<FileKind> kindsOffered = new ArrayList<>();

    @Override
    public void showError(ErrorReport report) {
        errors.add(report);
    }

    @Override
    public boolean confirm(String title, String message) {
        confirmations.add(message);
        return confirmAnswer;
    }

    @Override
    public void inform(String title, String message) {
        messages.add(message);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, FileKind kind) {
        kindsOffered.add(kind);
        return Optional.ofNullable(saveAnswer);
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, FileKind kind) {
        kindsOffered.add(kind);
        return Optional.ofNullable(openAnswer);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return Optional.ofNullable(folderAnswer);
    }
}
