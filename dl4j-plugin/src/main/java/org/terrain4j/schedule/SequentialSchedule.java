package org.terrain4j.schedule;

import java.util.List;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Schedules one after another, PyTorch's {@code SequentialLR}: schedule {@code i} runs from
 * milestone {@code i - 1} (or 0) to milestone {@code i}, and counts its steps from its own start.
 *
 * @param scheduleType whether milestones are iterations or epochs
 * @param schedules the schedules, one more than the milestones
 * @param milestones the steps at which the next schedule takes over, positive and increasing
 */
public record SequentialSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                                 @JsonProperty("schedules") List<ISchedule> schedules,
                                 @JsonProperty("milestones") List<Integer> milestones) implements TerrainSchedule {

    /** Validates the parameters, naming the bad one. */
    @JsonCreator
    public SequentialSchedule {
        if (scheduleType == null) {
            throw new IllegalArgumentException("scheduleType is required");
        }
        schedules = List.copyOf(schedules);
        milestones = List.copyOf(milestones);
        if (schedules.size() != milestones.size() + 1) {
            throw new IllegalArgumentException(schedules.size() + " schedules need " + (schedules.size() - 1)
                    + " milestones, got " + milestones.size());
        }
        for (int i = 0; i < milestones.size(); i++) {
            if (milestones.get(i) <= (i == 0 ? 0 : milestones.get(i - 1))) {
                throw new IllegalArgumentException("milestones must be positive and increasing, got " + milestones);
            }
        }
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        int t = step(iteration, epoch);
        int index = 0;
        while (index < milestones.size() && t >= milestones.get(index)) {
            index++;
        }
        int offset = index == 0 ? 0 : milestones.get(index - 1);
        ISchedule current = schedules.get(index);
        return scheduleType == ScheduleType.ITERATION ? current.valueAt(iteration - offset, epoch)
                : current.valueAt(iteration, epoch - offset);
    }

    @Override
    public SequentialSchedule then(int milestone, ISchedule next) {
        List<ISchedule> more = new java.util.ArrayList<>(schedules);
        more.add(next);
        List<Integer> moreMilestones = new java.util.ArrayList<>(milestones);
        moreMilestones.add(milestone);
        return new SequentialSchedule(scheduleType, more, moreMilestones);
    }

    @Override
    public ISchedule clone() {
        return this;
    }
}
