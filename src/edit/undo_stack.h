// Undo and redo of edits. Each entry is one command — one transaction that may touch several
// rows (a new commune-status period also closes the previous one). Undoing a command is itself
// an audited, version-checked edit that restores every row it touched; the entry then moves to
// the redo side as the command that undid it, so redo is the same operation again.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "edit/writer.h"

namespace secmap::edit {

// One row touched by a command: the change record the writer returned.
using Change = ChangeRecord;

struct Command {
  std::string label;  // what a person did, e.g. "insert incidents #12"
  std::vector<Change> changes;
};

class UndoStack {
 public:
  explicit UndoStack(size_t limit = 200) : limit_(limit) {}

  // A new edit: pushed on the undo side; the redo side is cleared.
  void push(Command c);
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  const Command* next_undo() const { return undo_.empty() ? nullptr : &undo_.back(); }
  const Command* next_redo() const { return redo_.empty() ? nullptr : &redo_.back(); }

  // After an undo succeeded: the undone command leaves, the command that undid it goes to redo.
  void undone(Command applied);
  // After a redo succeeded.
  void redone(Command applied);
  // An undo or redo moved a row to a new version with the content the next command on that
  // side left it in; that command's record of the row follows (the topmost one touching it), so
  // undoing several edits of one row in a row is not mistaken for someone else's change.
  void rebase(bool undo_side, const std::string& table, int64_t id, const std::optional<Row>& now);
  void clear();
  size_t undo_size() const { return undo_.size(); }
  size_t redo_size() const { return redo_.size(); }

 private:
  size_t limit_;
  std::vector<Command> undo_, redo_;
};

}  // namespace secmap::edit
