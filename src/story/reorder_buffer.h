// Puts a nearly sorted stream of prepared articles into published order:
// holds up to `capacity` articles and releases the earliest. An undated
// article takes the latest date seen before it, so it keeps its place in
// the stream. Ties keep input order. Internal to src/story and
// src/pipeline.
#ifndef TWICETOLD_STORY_REORDER_BUFFER_H_
#define TWICETOLD_STORY_REORDER_BUFFER_H_

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <queue>
#include <utility>
#include <vector>

namespace twicetold {

template <typename T>
class ReorderBuffer {
 public:
  explicit ReorderBuffer(size_t capacity) : capacity_(capacity) {}

  // Adds `item` published on `day` (days since 1970; nullopt: undated).
  void Push(std::optional<double> day, T item) {
    if (day.has_value() && (std::isnan(latest_) || *day > latest_)) latest_ = *day;
    double key = day.value_or(std::isnan(latest_) ? -kInf : latest_);
    heap_.push(Entry{key, next_++, std::move(item)});
  }

  // The earliest item, once more than `capacity` are held (or any when
  // `drain`); nullopt otherwise.
  std::optional<T> Pop(bool drain = false) {
    if (heap_.empty() || (!drain && heap_.size() <= capacity_)) return std::nullopt;
    T item = std::move(const_cast<Entry&>(heap_.top()).item);
    heap_.pop();
    return item;
  }

  size_t size() const { return heap_.size(); }

 private:
  static constexpr double kInf = std::numeric_limits<double>::infinity();
  struct Entry {
    double day;
    uint64_t sequence;
    T item;
    // std::priority_queue is a max-heap: "less" means later.
    bool operator<(const Entry& other) const {
      if (day != other.day) return day > other.day;
      return sequence > other.sequence;
    }
  };

  size_t capacity_;
  uint64_t next_ = 0;
  double latest_ = std::numeric_limits<double>::quiet_NaN();
  std::priority_queue<Entry> heap_;
};

}  // namespace twicetold

#endif  // TWICETOLD_STORY_REORDER_BUFFER_H_
