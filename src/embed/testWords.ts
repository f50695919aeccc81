/**
 * @file The 2,000 most frequent words (2+ letters, lowercased) in the titles and abstracts of the first
 * 30,000 records of shared/data/arxiv-daily, most frequent first. Frozen here so that the generated test
 * models (testModel.ts) never read files outside src/ to build their WordPiece vocabularies.
 */

const WORDS = `
the and of to in for we that on with this models is by our model as based from data language an are
performance learning these large methods which image framework training llms while reasoning propose
using across tasks can multi method approach their generation results high or such existing dataset
at demonstrate however novel both datasets it real introduce through time visual have information
state into text experiments human paper be quality task fine detection video accuracy images more
address two llm between its knowledge work show art has evaluation analysis world systems features
vision domain often level ai first code challenges diffusion efficient attention over also benchmark
semantic specific new scale research but extensive only significantly significant multimodal
segmentation approaches complex achieves proposed study diverse multiple understanding via context
not object feature when available different trained system https process capabilities tuning low
applications github where network key neural without further due each including optimization design
classification recent temporal efficiency open benchmarks deep inference potential spatial present
robust effectiveness alignment various critical effective aware cross three under scenarios space
dynamic computational they representation long representations effectively self enhance com compared
enabling challenge how single all problem modeling generated source outperforms current limited use
within comprehensive retrieval than remains motion designed specifically agent pre prediction used
evaluate medical during strategy scene like networks challenging end user then generalization most
one graph techniques experimental prompt generate shot generative improve non limitations provide
supervised input recognition driven transformer well control reconstruction module robustness view
ability findings content agents accurate enables adaptive achieving modal distribution point set
test leveraging been traditional loss yet estimation gap architecture strategies global particularly
consistency strong synthetic target local making achieve prior enhancing other grained speech
furthermore natural structure processing step resolution them mechanism metrics additionally memory
up improving environments fusion introduces future token improves capture noise guided parameters
domains machine question complexity foundation safety better algorithm tokens free stage even field
practical depth provides need objects solution rely class resource prompts structured reinforcement
conditions zero focus leverages settings clinical adaptation latent general samples cost pipeline
insights generating support gaussian range patterns crucial videos error unified identify
adversarial standard development small studies pose integrates lack face despite superior struggle
audio previous number algorithms automated reward enhanced leading action autonomous problems
evaluations enhances score perception improvements optimal presents bias promising sparse
interaction maintaining sampling simple many improved preserving uncertainty decision will search
parameter may textual policy languages baseline dynamics typically evaluating architectures scalable
constraints reducing rl regions frequency several linear essential given few components synthesis
function privacy improvement behavior paradigm providing editing rag consistent achieved vlms
driving higher mllms baselines relevant embeddings planning dual interactions issues embedding types
against extraction augmented geometric highlight impact find integration transfer any directly
moreover gpt modality requires especially outputs camera fidelity demonstrated four average offers
lightweight imaging downstream demonstrating layer structural selection learn integrating
consistently matching modalities finally application tracking scenes compression online role labels
tools second hierarchical building order best develop encoder out flow questions users still
demonstrates rate require assessment diversity advanced tool feedback size case distillation
mechanisms deployment additional full related attacks translation map perform enable pairs
instruction precise fully scaling expert query publicly offering output thereby resulting about
similarity requiring was responses validate issue inputs capability structures advances textbf among
substantial social group aims reveal explore preference hybrid communication computer reliable same
overall simulation evaluated beyond guidance precision intelligence highly gradient original success
event concept contrastive reference prompting fundamental assess dimensional conventional
dynamically answering ensuring annotations form realistic layers solutions some shown explicit
leverage multilingual terms scores localization were maps frame reduce instance signals reduces
physical contextual train towards cases response categories remain causal energy details empirical
highlighting constrained applied predictions fail post public employs series progress investigate
chain core queries value edge theoretical exhibit annotated inherent points incorporating clip
rendering tuned functions geometry continuous style short errors construct cloud common answer
importance risk offer widely times do modules sample sensing objective attack similar label
advancements properties interpretability varying sequence primarily dense there distinct power no
sequences aligned recently costs relationships transformers unlike decoding interpretable remarkable
specialized systematically individual reliability processes experts increasingly important
augmentation term automatic allows mitigate minimal ground whether technique metric way
identification although thus trajectory those ensure increasing systematic annotation produce frames
robot analyze exploration learned inspired perspective levels thought detailed cot steps
distributions wise quantum become known less accurately examples efficiently length theory developed
uses generates outperforming along rich integrated joint environment rgb identifying setting english
guide external direct artificial pixel notably anomaly characteristics rank result tailored addition
derived digital combines graphs contrast relative degradation supervision manipulation competitive
linguistic corresponding combining mapping five enhancement unseen survey review labeled explicitly
incorporates lower conduct implicit cues base weights biases speed wide shape iterative contexts
resources scientific pretrained document comparable refinement toward nature type next static
overhead surface powerful facial particular signal cognitive off early classes convolutional
semantics security addressing extract called emerged fields grounding shows align proposes being
phase grounded evidence works access spectral channel computation frameworks quantization solving
fast priors addresses suffer fixed testing convergence capable concepts reduction respectively
limitation changes factors poses monitoring llama interactive scalability bridge unique denoising
either brain reveals capturing integrate gains splatting nlp sensitive conducted per engineering
verification limiting flexible internal make rapid hand manual trade variations made introduced
encoding numerical trajectories centric head modern stable validation diagnosis shared descriptions
predict light path unsupervised distance actions associated remote values mathematical pseudo
latency allowing decoder pruning project focused alternative capacity dimensions advancing
confidence identity upon facilitate rather category parallel computing health stability humans body
part lead leads devices apply groups initial net co random states employ detecting re developing
weight attributes pretraining bench software effects sets overcome top construction introducing qa
final following classical establish sensor instructions difficulty navigation optimized includes
inter intensive does mean lora requirements differences underlying rates heterogeneous quantitative
entropy vector io vlm applying emotion views conditional clustering handle directions difficult
discrete matrix mamba if noisy traffic diagnostic compute mask scheme decomposition understand
region utility physics valuable background web automatically finite sam simultaneously complete
patient after detect semi captures benchmarking adapt robotic larger collaborative hardware
autoregressive analyzing goal position dependencies highlights complementary box therefore qwen
sources ii built closed performing shifts truth component risks applicability utilizing personalized
student implementation hallucination calibration operations negative literature influence management
optimize increase mri what lidar indicate optimizing researchers execution cnn jointly combined
preferences largely turn vehicle dialogue sota focusing sub limits growing balance disease showing
main color community subject reduced hallucinations forward thinking regression release shift
handling science predictive suggest concerns promise required sequential adaptability compare
behaviors documents intermediate mitigating explanations purpose abilities teacher coherence faster
relying discovery correlation binary regularization aligning instead create compact restoration
smaller imagery major could agnostic virtual supports appearance interest tree change play
methodology tackle distributed prove us media six aim areas advantages elements certain incorporate
dgs released substantially loop defined mixture generalize years found manner answers ones area
codes super outperform named cultural example artifacts semantically so utilizes spaces word
probability computationally observed urban industrial texture ct healthcare federated block refine
solve gaps environmental observe explored positive coarse filtering events focuses textit texts
demands stages agentic independent classifier legal game popular intelligent obtain forecasting
correction reliance vocabulary report effect activation direction instances correct underexplored
outcomes fairness statistical unlearning provided character predicting estimates impressive
generalizable consists learns evolution before density dependent controlled corpus yields
observations help benefits relevance performs include emerging coding platform recall ml meta
practice hard coherent usage coverage variety adaptively measure boundary missing technical
decisions active partial mobile comprising updates deepseek symbolic increases attribute expression
patch clouds comparison near meaningful backbone mixed should utilize platforms simulations extended
cancer involving entity informed scales represent qualitative targeted collected probabilistic
optical weighted collection suitable aspects extend scenario aggregation technology chinese
assessing algebras rule vit segment insight detail involves sensitivity flexibility person pipelines
previously curated established exploring solely historical masked obtained supporting masks
universal gpu broader spanning surpasses continual perceptual evolving conversational creating
adapting sentiment satellite because estimate conditioned condition possible contributions faces
lvlms participants differential since superiority awareness oriented demand must robots ensemble raw
collaboration makes efforts architectural generalized increased experience expensive principles
scarcity cameras validated technologies factual intrinsic policies efficacy relationship advance
transformation page registration suboptimal modular serve monocular logical exhibits hidden
stochastic subset formal representative maintain ood interpretation financial branch identifies
build normal objectives variability vehicles observation forgetting extracted here sentence residual
strengths rigorous reason fact mesh kernel mllm paired perturbations logic commonly asr sft consider
employed creation sizes entire activity configurations algebra math completion approximation
controllable rewards examine discuss fewer extracting workflows much learnable vectors storage
surgical broad investigates functional covering comparative programming invariant black relation
potentially costly choice relies simulated intent correlations summarization ranking variants news
ensures primary ablation safe producing constructed explainable progressive emotional redundancy
generalizability combination pattern preserve boundaries iteratively explores merging discriminative
unknown inverse cannot containing harmful caused seamlessly constraint bridging comprehension
product employing expressions anatomical total arbitrary measures inherently nodes embodied
necessary volume central mathbb very manually sensors trust empirically transform greater revealing
adoption needs words ad offline surpassing reports cache spatiotemporal radar property innovative
poor able contains tensor foundational encoders aerial embedded comparing notable followed
recommendation considering scoring robotics guarantees propagation analyses designs enabled mathcal
bit gender subsequently labeling confirm whole targets derive together bayesian spatio generator vs
road produces numerous failure formulation treatment perspectives insufficient vqa detectors judge
dimension consumption paradigms aligns auxiliary variable reflection gain facilitating subtle plays
assisted bound preservation balancing description entities establishes ray comprises evaluates
unlabeled individuals paths exploit determine appropriate cell measurements kv conditioning cluster
reflect soft around log students production acquisition music yield clear layout attribution
frequently just define successfully patients identified motivated match presence intra grpo node
projection topic factor adapter measurement establishing ratio redundant interface tune accessible
mitigation implications bounds approximately advancement nonlinear material relations predicted
patches gaussians materials correctness rules candidate grid sparsity selected sufficient carefully
taxonomy uav protocol represents device moe true defense tests ambiguity performed visualization
bottleneck assumptions weather overlook informative implement powered filter interference
innovations speaker captured methodologies sharing heavily standardized ethical steering retraining
feasibility variables select rapidly deployed million underwater mode representing visually pair
line past imagenet great pass constructing blocks allocation version compositional sql ranging
highest update encode useful schemes gemini predominantly private practices parts mainly deeper
nuanced skills alongside false suggesting contribution according weak estimating criteria difference
reality table third variational stream lighting finding parametric location minimizing
infrastructure equations shapes vulnerabilities routing easily contribute variance intervention
positional writing sign transformations refines good workflow pathology stereo track refined
advantage vulnerability serves explanation becomes lingual underscore every biomedical presented
experiment distortion reconstruct automation matrices cnns extends abstract seen adopt vital family
studied separate element recovery service adapted dedicated variation mental facilitates utilization
tested eye captioning dpo basic opportunities deepfake closely phenomenon selecting heads limit
animation uniform preserves operator plug lms vl positions expressive assessments captions bert
movements consuming removal bidirectional account approximate degree iii smart aiming guiding
spatially side quantify ar masking maintains widespread finetuning created format eliminating
implemented naturally segments proprietary fall another life subjective classifiers malicious suite
operational prototype occlusion affect independently holistic expertise excel induced respect needed
transparency overfitting unstructured operating extension emph argue balanced indoor progressively
operators optimizes arabic icl extending simulate generally intricate aspect exact corpora
convolution wireless tissue stronger mitigates injection ended cause imbalance operation people tend
spectrum designing protocols hypothesis severe temporally topology namely others amount
differentiable industry utilized gui mini availability correspondence de combine slow contain index
adopted perturbation instruct tumor transparent initialization forms seven far likelihood
topological principled drift symmetric smooth selective incorrect narrative hop assumption database
transition education expected benefit id featuring transmission accelerate behavioral predefined
generic extremely idea incremental age describe composition prone growth indicating moving
comparisons gained showed absolute inpainting heterogeneity synthesize conversations hyperspectral
verify procedure fl unexplored allow operates infrared window vulnerable games offs basis al alone
measuring acoustic motions streaming theoretically autoencoder connected gradients demonstrations
own infer interpret detector considered
`;

export const COMMON_WORDS: readonly string[] = Object.freeze(WORDS.trim().split(/\s+/));
