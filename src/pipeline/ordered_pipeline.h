// An in-order parallel pipeline over oneTBB: a serial reader, a parallel
// transform, a serial sink that sees results in reader order. Internal to
// src/pipeline.
#ifndef TWICETOLD_PIPELINE_ORDERED_PIPELINE_H_
#define TWICETOLD_PIPELINE_ORDERED_PIPELINE_H_

#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

namespace twicetold::pipeline {

// Calls `next()` (-> std::optional<In>; nullopt ends the input) serially,
// `transform(In&&)` (-> Out) on up to `threads` threads (0: all cores), and
// `sink(Out&&)` serially in the order `next` produced the items. At most
// `tokens` items are in flight at once, which bounds memory. `In` and `Out`
// must be default-constructible and movable. Returns when every item has
// reached the sink. `transform` must be thread-safe; `next` and `sink`
// need not be (each runs on one thread at a time).
template <typename In, typename Out, typename Next, typename Transform,
          typename Sink>
void RunOrdered(uint32_t threads, uint32_t tokens, Next&& next,
                Transform&& transform, Sink&& sink) {
  namespace tbb = oneapi::tbb;
  const int concurrency = threads == 0 ? tbb::task_arena::automatic
                                       : static_cast<int>(threads);
  tbb::task_arena arena(concurrency);
  arena.execute([&] {
    tbb::parallel_pipeline(
        std::max<uint32_t>(tokens, 1),
        tbb::make_filter<void, In>(tbb::filter_mode::serial_in_order,
                                   [&](tbb::flow_control& control) -> In {
                                     std::optional<In> item = next();
                                     if (!item) {
                                       control.stop();
                                       return In{};
                                     }
                                     return std::move(*item);
                                   }) &
            tbb::make_filter<In, Out>(
                tbb::filter_mode::parallel,
                [&](In in) -> Out { return transform(std::move(in)); }) &
            tbb::make_filter<Out, void>(tbb::filter_mode::serial_in_order,
                                        [&](Out out) { sink(std::move(out)); }));
  });
}

// Threads the arena of RunOrdered will use for `threads` (0: all cores).
inline uint32_t EffectiveThreads(uint32_t threads) {
  if (threads != 0) return threads;
  return static_cast<uint32_t>(
      oneapi::tbb::this_task_arena::max_concurrency());
}

}  // namespace twicetold::pipeline

#endif  // TWICETOLD_PIPELINE_ORDERED_PIPELINE_H_
