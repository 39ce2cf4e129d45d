/**
 * The memory types an exercise offers as answers, spelled as the combining
 * engine names them (memTypeName) and the playgrounds show them. Every
 * state an exercise family draws combines to one of these (a test holds
 * the families to it), so the list never depends on the answer.
 */
export const TYPE_CHOICES: readonly string[] = ['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE', 'Device-GRE', 'Normal-NC', 'Normal-WT', 'Normal-WB'];
