#include "edit/undo_stack.h"

namespace secmap::edit {

void UndoStack::push(Command c) {
  undo_.push_back(std::move(c));
  if (undo_.size() > limit_) undo_.erase(undo_.begin());
  redo_.clear();
}

void UndoStack::undone(Command applied) {
  if (!undo_.empty()) undo_.pop_back();
  redo_.push_back(std::move(applied));
}

void UndoStack::redone(Command applied) {
  if (!redo_.empty()) redo_.pop_back();
  undo_.push_back(std::move(applied));
}

void UndoStack::rebase(bool undo_side, const std::string& table, int64_t id,
                       const std::optional<Row>& now) {
  auto& side = undo_side ? undo_ : redo_;
  for (auto cmd = side.rbegin(); cmd != side.rend(); ++cmd)
    for (Change& c : cmd->changes)
      if (c.table == table && c.id == id) {
        c.after = now;
        return;
      }
}

void UndoStack::clear() {
  undo_.clear();
  redo_.clear();
}

}  // namespace secmap::edit
