/**
 * @file The 8,000 most frequent words in the titles and abstracts of all 98,085 records of
 * shared/data/arxiv-daily (lowercased, accents stripped, runs of 2+ letters a–z between non-alphanumerics),
 * most frequent first, ties in alphabetical order. Frozen here so that the generated test models
 * (generate.ts) never read files outside src/: the order is their frequency rank, which sets how much
 * each word weighs in the tiny model.
 */

const WORDS = `
the and to of in for we that on with this is models by as from model our based an are language data framework
these while performance reasoning across large learning which training at multi methods can or image propose
llms using generation high their results existing tasks it into introduce such through both visual llm
demonstrate time method state show task level real experiments however dataset human be two approach text
accuracy over fine evaluation quality information but more between detection ai have datasets video its under
systems knowledge semantic benchmark address only analysis novel paper work agent first often scale world not
via domain code vision images art has context achieves when where than specific attention aware multimodal
benchmarks agents features also cross study diffusion without efficient three low each further inference
single new multiple present approaches optimization system complex design extensive long alignment research
diverse understanding spatial all open temporal available segmentation self they remains space object process
how retrieval feature https trained representations challenges including different tuning yet significantly
robust github memory proposed source within key significant critical representation recent one end strong
enabling use efficiency effective non capabilities problem classification modeling most dynamic evaluate
neural network due limited prediction structure current deep provide generated token gap driven computational
graph improves then outperforms during scenarios motion applications com challenge structured prompt strategy
user compared evidence step used local prior view control potential generative consistency distribution test
challenging reconstruction shot adaptive provides free guided target global enables scene set effectively
effectiveness medical content robustness tokens generalization architecture improve designed findings
mechanism up them baselines pipeline supervised pre standard cost safety latent stage well like grained
consistent making question specifically support input natural foundation clinical module generate
comprehensive unified synthetic point policy transformer rely limitations settings resolution metrics
achieving action networks practical decision modal environments structural parameters strategies loss zero
tool constraints conditions various reinforcement recognition noise domains enhance accurate field achieve
experimental capture interaction baseline estimation general even search error small ability reward find
fusion been future improving consistently four full depth class behavior geometric furthermore other
introduces rather explicit paradigm fidelity identify dynamics may preserving resource uncertainty score no
adaptation parameter patterns bias prompts processing complexity particularly requires machine same range
regions gaussian directly rate speech sparse better typically techniques automated samples grounded whether
lightweight traditional feedback layer selection expert against lack perception deployment leveraging remain
studies beyond reliable geometry higher evaluating planning per objects scalable algorithm agentic many
autonomous simple sampling solution need physical focus answer average vlms integrates best signals linear
dual rl out augmented synthesis languages editing evaluations despite videos matching downstream architectures
adversarial outputs number post transfer query leverages pose components capability interactions function
struggle reducing hierarchical enhancing leading will supervision generating any frequency maintaining
providing optimal core relevant flow problems superior embedding overall tools scaling improvements second
textbf evaluated toward form fixed increasingly distillation order output textual gains reference few building
group development case about constrained gpt energy improvement trajectory encoder modality resulting
extraction scores questions systematic value causal signal structures face dense camera embeddings fail still
essential promising compression reduces mllms aligned mechanisms role simulation improved require pairs rag
decoding fundamental substantial additionally insights sample given five guidance reveal objective enable
continuous finally achieved diversity several reliability do social relative risk highly imaging trajectories
driving instruction among dimensional assessment enhanced labels points frame mass additional construct
properties size hybrid times preference types previous fully execution exhibit intelligence galaxies grounding
evolution similarity privacy demonstrating audio users response substantially presents chain predictions
online empirical requiring crucial responses produce success interpretable style translation stable learn
develop was explicitly scenes verification errors perform offers precision realistic distinct sequence map
communication algorithms queries static multilingual gradient shared learned derived theory thereby moreover
scientific direct cases inputs integration early answering observations external prompting modalities
highlight related public tracking shows confidence label layers priors maps impact setting event cues publicly
enhances especially investigate demonstrates progress concept ground precise environment term refinement
annotations surface categories metric lower joint competitive uses integrating reduce systematically
localization issues what turn phase power validate were off instance individual application controlled
original dynamically cognitive exploration validation contextual train wise type advances spectral specialized
failure reveals galaxy heterogeneous annotated contrastive complementary length although final latency
conventional tuned experts short bench applied does base common yields demonstrated english annotation compact
internal trade edge combines jointly path degradation offering result states issue steps some document
semantics construction loop advanced diagnostic mean thought towards way star distributions modules pixel
iterative ii become cloud density physics actions largely similar aims co functions sequences interpretability
rank primarily widely solutions centric identity pretrained rich effects assess unlike those attacks less
conditioned along outperforming shown linguistic theoretical channel rendering observed gas sensing changes
employs combining offer spanning sensitive computer suggest levels entropy region implicit important difficult
known generates minimal closed bridge interactive calibration contrast stability formation importance
intermediate establish cot explore independent access after integrated distance built perspective survey
capacity series coverage computation details either terms suffer overhead mapping dependent next weight must
sources varying inspired comparable mitigate highlighting analyze inherent ensuring leverage central shape
automatic component reduction graphs six thus before processes parallel clip frames near costs modern corpus
attack underlying make head identification augmentation rm engineering increasing transformers guide contexts
correct scales discovery dimensions review together alternative utility decoder digital rgb unseen shift
larger rates difficulty because vlm fields weights frameworks limitation ensure artificial corresponding
teacher wide re compute discrete forward top horizon simulations addition quantum random backbone report
finite classical hallucination values codes complete recently background examples monitoring so diagnosis
category limiting autoregressive qa fast release boundary denoising allows pruning mathematical remarkable
anomaly pretraining powerful decisions initial associated limits groups rapid shifts instead truth pipelines
respectively inter supports there developed predict noisy relationships therefore dark evolving particular
vector classes student encoding incorporating routing identifying should being resources decomposition black
web candidate required project align workflows light testing convergence biases concepts effect nature active
cluster rule updates health efficiently change coherent sensitivity protocol box manual binary dialogue judge
measure every numerical conditional conduct enhancement correlation answers rewards allowing proposes emerged
hand coding artifacts if differences humans hard manipulation addresses apply frontier capable descriptions
benchmarking cannot agnostic residual upon sets solving predictive probability sub factors correction
quantization notably brain labeled symbolic skill statistical goal oriented part extract behaviors detailed
produces showing mathrm accurately position variations coarse mask sequential science patient constraint
compare lora leads negative splatting speed clustering incorporates line performs optimized tailored combined
optical recall captures coherence characteristics stellar main facial requirements following unique
hallucinations quantitative learns semantically bottleneck tree play intrinsic net documents comparison
explanations made positive introduced block paired direction indicate matter attributes management
simultaneously alone security objectives failures capturing prove body emotion instructions pass scalability
dependencies convolutional flexible technique legal pseudo hidden directions activation detect game appearance
software experience budget adapt poses defined navigation released literature raw preferences remote purpose
focused integrate aggregation intent sim views major works reduced hardware introducing scoring nlp targeted
stages lead automatically vs observation overcome matrix thinking events applying vocabulary logic detecting
producing entity gaps llama weak missing estimates scheme influence disease observe outcomes curated broad
collaborative behavioral regression makes here intensive representative preserve analyses induced traces
traffic balance operations partial rules io unsupervised massive practice workflow mixture robot
implementation weighted derive ratio cultural instances mode personalized molecular employ increase relation
subject relying formal policies supporting architectural choice conducted textit risks sensor logical extended
validated smaller industrial filtering conversational mri ones yielding primary spaces color embodied
forecasting imagery increases bound configurations perceptual drift interpretation optimize covering skills
computing faster advancing expensive measurements informed whereas facilitate functional total factual frozen
grpo performing controllable scenario patch generalize reliance gain environmental addressing deterministic
character whose condition pattern exact variants branch called computationally restoration perturbations
universal word boundaries stochastic distributed insight production stronger correctness semi collapse clouds
subset families emission developing mixed outperform sft comprising attribute verifiable obtain includes
handle methodology historical probabilistic could found ablation ray redshift clusters community recovery
devices relations established fairness regularization understand solve steering formulation advancements
deployed promise targets selected extend mitigating collaboration log identifies intervention costly estimate
underexplored cache emph much preserves exhibits measures cnn technical example iii reason growing interface
platform analyzing spectrum financial safe refine previously principled meta classifier contributions
establishes page sota conditioning modes native severe around ct suggesting adaptively expression virtual us
serve algebra meaningful intelligent optimizing lidar motivated ranking attribution family algebras
approximately relevance variance contribution media build population provided aligning represent argue super
transition vehicle texture property relies invariant rigorous predicting clear elements generator since
constructed match masked persistent variation sentiment reports modular yield indicating inherently gpu
completion arbitrary update contains qualitative urban highlights sentence masks topology incorporate own
history variability demand probe valuable allocation ensemble help agreement possible factor taxonomy aim
establishing insufficient discriminative maintain usage auxiliary confirm mamba trust obtained spatially fewer
side evaluates paradigms propagation simulated frequently offline demands product segment bayesian soft
applicability continual dust generalizable scarcity velocity chinese detectors empirically gemini harmful mllm
learnable satellite inverse measurement emotional trace manner seven highest ambiguity assisted progressive
texts handling sufficient stream years benefits revealing emerging tests asr mathcal robotic redundant
utilizing aligns kv fact mesh projection area uniform dimension operational person create abilities concerns
reliably broader predicted preservation redundancy focusing certain extracted encoders researchers principles
correlations identified interest volume creating magnitude generalized healthcare detail forgetting entire far
physically expected growth comparing material mobile monocular useful sizes necessary encode bounds layout
platforms solely finding false explored unlearning limit vectors mathbb advantages awareness collection
compositional explainable agn becomes radio consists entities very poor variable participants quantify
streaming true operator criteria examine independently moe suitable pair paths include differential
acquisition depends embedded operating define separate constructs reflection strongly dominant surpasses
designs vit assessing naturally adapting enabled ended advantage guarantees selective activity anatomical
informative focuses programming ml proof normal plausible areas sam determine window followed composition
utilizes suite act hypothesis summarization tackle named profiles transformation parametric reflect coupled
spatio applies infrastructure vqa federated threshold commonly strongest containing collected retraining
corpora injection combination iteratively predicts cosmic rapidly recover third cell follow ood games
explanation visually infrared candidates measuring remaining approximation involving kernel faces adaptability
consider exploit surgical hop regime description matches comparative extreme assumptions cancer standardized
bridging mainly maintains matched temporally interference calibrated outcome tested ad eight runtime sparsity
poorly materials operate creation tensor bounded differentiable verified index math topic words backbones call
cosmological serves discuss fails adoption balanced gui itself account merging alongside narrative popular age
lvlms valid cause fundamentally news comprises flexibility clean medium reproducible counterfactual percent
progressively intra relationship node spatiotemporal variety potentially manually nodes clinically select
adapter halo subtle foundational strict bit expressions protocols probing deepseek presence aspects expansion
impressive surpassing difference plug track operators predominantly represents uav caused conflict million
gradients writing storage strategic variables configuration temperature law suboptimal blocks coordination
interventions positions cameras treatment implications bidirectional increased registration advance anchor
phenomenon distortion operates proprietary coupling lexical proxy plan retrieved successfully relational
divergence format forms lingual feasibility dedicated mitigation detector produced suggests constructing
utilize pro absolute compliance ar measured needs localized ambiguous extends perturbation basis prototype
close claude needed heads technology transitions galactic greater leaving assumption captured weather
nonlinear radar vl fraction device heavily solver past misalignment transform abstract forming grid
transparent whole granularity sign heuristic executable aerial incorrect mitigates extending regimes unknown
verify statistics validity claims pairwise correspondence exploring describe channels ensures manifold
efficacy run comparisons extension ranging claim pathology rare judgments schema mental table above involves
just incomplete investigates generic extracting once topological reaches visible strengths appropriate
dependency adapted inconsistent distinguish reported arabic thermal accessible hoc qwen positional
characterize masking least adopt comprehension choices throughput gender rotation versus already labeling
curriculum upper persona filter refines contribute lens little location maximum subsequently unlabeled
governance lie studied infer shapes benefit refined good isolated treat private synthesize nearly combine
consumption engine metadata aggregate evolutionary employed affect representing rigid contain efforts degree
selecting offs generalizes trustworthy meaning vehicles likelihood perspectives experiment symmetric resolve
unclear patches slow dynamical generally depend sql why patients intensity streams schemes performed
coordinate superiority transport variant biomedical balancing illumination constant faithful acceleration
equivalent implement seamlessly sharing split analytical effort subsequent records road holistic unstructured
program imbalance orthogonal decomposes below would vla employing removal compatible al chemical separation
service likely occlusion sensors auc students surveys transformations another principle able belief closely
optimizes speedup matrices consensus according longer decoupled canonical partially segments smooth
classifiers mismatch powered extracts generalizability version unit interpret plays conversations de
reconstruct stars gated instruct macro overlook theoretic tumor personalization degrade selects chains
visualization weakly back realism initialization actionable database odot share formulate deeper edit
expertise exposure scheduling tune egocentric procedure recommendation scalar moving though gaussians
operation automation parts feed idea jwst repair roles theorem transparency selectively strength profile
lighting imagenet prone percentage implemented papers defense degrades robotics captioning largest variational
absence others technologies give mathfrak tend equations down showed centered approximate computed leakage
heterogeneity individuals judgment encoded supported lines right vulnerable heavy surfaces identical carefully
algorithmic ultra basic consequently place designing et mutual respect element reality commercial
vulnerability delivers adopted items pressure ratios discourse faithfulness detected eliminating fall
practices count activations considering harness red deformation overlap robots held decoupling seen mid people
subjective notable units degraded usually majority incremental runs excel theoretically unreliable creative
budgets representational tail narrow life primitives education explores ocr expressive dependence facts
irrelevant link repeated utilization wild finetuning cold stress lies who motions mini reuse atomic goals
captions dpo calls predefined counting probes easily rubric magnetic biological represented educational
tokenization equilibrium unexplored behind specified catastrophic band contact encodes successful reach care
retrieve estimating bert quadratic subspace failing indoor sampled heuristics item explainability procedural
allow animation blind ethical modelling namely extremely landscape written locally interfaces screening aspect
morphology validating acoustic demographic scarce transmission causes evolve hierarchy pathway throughout
academic batch distributional estimated lms numerous raises speaker sum verifier foreground edits professional
relatively integrity simulate ten inconsistencies surrogate judges accelerate gaze viewpoint consisting tissue
vulnerabilities artifact biased cover reusable autoencoder epistemic lensing pm explain directional
populations availability gravitational guiding prevent opportunities normalization scans serving conversation
exploiting equation adding hours presented late characteristic fitting market consuming facilitating
innovations minimizing parsing recurrent transforms sentences species bounding currently mm uv continuously
template quantification reconstructing center refusal summaries tabular advancement mechanistic preprocessing
compressed inspection morphological affine arise cnns coordinates reaching stereo take eye universe
abstraction combinatorial enforces spectra stakes scope connected considered adapts lesion audit characters
cycle great assessments drive assignment generators reproducibility rlvr span contributes easy understood
avoid deepfake anomalies nuanced api entirely instability inversion assume deploying library newly polynomial
overlooking bridges featuring conceptual created weighting micro fair turns cad counterparts modifications
avoiding edges crucially combinations drop pixels spoken lacking ms formalize minimum interact statistically
controls fused load auto id nine oracle revealed smart industry suffers axis retaining restricted structurally
inductive cooperative modulation wave characterized alternatives labor emergent hi acceptance carlo
convolution wireless proactive scratch widespread monte plane political rise root asymmetric engagement
demonstrations later defect peer underwater dominated typical feasible means reading reviews cognition host
synthesizing trends disk ultimately facilitates ultrasound losses appear posterior removing custom subjects
amount drawing always retain caption precisely treating overfitting plans gold investigation products programs
start neutral solvers underscore gating distances guidelines python route conflicts distilled observational
ontology slide team correlated diagnostics recovers inefficient emergence severely personal credit vary vital
protein article kg peak rarely trains perfect accelerating onto trainable treats reverse mining live sr icl
termed topics helps sar definition exponential syntactic formats narratives merely round volumetric genuine
left resolved concrete margin references eeg ask mixing preliminary uncertain severity phases tracing seed
lacks meanwhile autonomously masses orders arises discrepancy suited malicious probabilities setup now
checking classify fit implicitly markov responsible spans orientation unstable bottlenecks ir locations
personality music strictly creates force neurons enforce globally recommendations threat changing
characterization convex filters earlier emerge algebraic angular boosting shallow dice flat pure connectivity
controllability underscoring almost methodologies curve vae inpainting controller contamination services
styles composed speculative criterion purely interpolation movement gate differ exist salient induce
innovative secure think forest estimator misinformation orchestration spurious transfers causing exhibiting bi
rollout mainstream normalized anchors continuity interpreting enterprise experiences prototypes skeleton lrms
simulator guides hyperspectral flux sourced uncover critically expose unsafe date attempt framing holds dit
hindered composite saliency confirms circuit cm connections laws rollouts spherical flows overlapping
tokenizer trigger extent gs omni pool synthesized flash moral occlusions shaping suppress association hinder
assistants chart dialogues earth alleviate confirming message voxel continuum inferred behaviour jailbreak
voting auditing fourier practitioners studying tables aiming fragmented accretion assistance discrimination
hypotheses maximize procedures curation decouples meshes synthesizes quantifying sharp suppression directed
translate accessibility client ssl constrain sophisticated competition compromising discover lm negligible
pathways polarization regarding ways additive modified exceeding layouts coefficients day transferability
memorization seamless slms equipped guarantee reporting transferable eliminates isolation half intuitive
separates follows hold planner plus adapters debate special varies recipe actual latter reconstructed
longitudinal protection unifies uniformly broadly connection particle starting sound boxes led specification
transforming hole let naive recursive cdm desired accumulation kinematic shaped prefix standards intersection
modification critic economic exploits innovation trees draft business signatures symmetry governed importantly
inner move pareto replay you benign emphasize lab mt refining completeness decentralized posed repository ring
branches intricate retention correspondences linking observable reproduce applicable converts volumes moderate
taking enforcing updating adopts intended mlp simply culturally damage last passive simultaneous dm
photometric summary preventing vast ideal iteration sense alpha diseases implementations templates enough
decompose separately expanding pivotal affective ablations db delivering median occupancy builds bandwidth
illustrate indicates mathematics hope updated cmb projects voice published assembly existence grade norm
subsets viewpoints phenomena pooling fuses collective marginal actively harm inconsistency absorption anything
conjecture distortions distinguishing ell kernels assistant boost organization psychological luminosity
regulatory scripts assets drug coefficient approx collision double visibility drops fl movements targeting
textures angle recognize assessed blur processed psnr infinite requirement fake gemma neuro predictor mind
perceived rs running trend exists induces modifying radiation frequent utilized articles burden interacting
replacing decay formula requests arising enriched iou kl mathbf richer tts caching execute dimensionality dl
forgery resolutions daily developers texttt principal white regional surveillance vanilla accelerated
activities equivariant photorealistic shelf nevertheless delta emotions exceeds reflects skin testbed examines
discrepancies see simulating chest equivalence gained router conclude curves exceptional hinders quantized
seeking correctly creativity driver gives robustly satisfy covers attains cardiac radial reflecting
surrounding bar radiology read too analytics autoencoders climate distill era provenance trivial antenna
rationales tier mimic xai adherence thresholds server switching keeping ordering overlooked promote
uncertainties wavelet curvature array methodological plausibility anchored compatibility windows forcing mae
mobility boosts llava working chatgpt fuse projected script affects disentangled check numbers plant regular
automating vits counts exclusively iv lmms determining iterations conformal reconstructs analyzed checks
interleaved prioritize recovering varied water anti extra proving links meet suppressing takes annotators
deviation expand notion backdoor collect deployments documentation perplexity slam cosine pronounced replaces
versatile integral occur deliver stem cells emerges fluid german curate impractical irreducible lengths might
prohibitive ready remove billion tracks traits consumer progression fault hate metallicity resilience autonomy
desi indicators actually equal openai quantifies arithmetic generations inside regardless exposes quasi
unifying disentanglement food grows homogeneous look max adverse etc fps ratings referring stylistic
synchronization argument spectroscopic teams barrier conclusions controlling outline gl manufacturing
proposing reflective rigorously specifications considerable tension wrong deformable pp theories associations
beam communities maintenance minimize bev descriptors mas resnet yolo ego vr degrees pc balances cifar
competence citation fold necessity sacrificing viable avatar contemporary depending grading nerf ideas
shifting auroc invariance novelty rethinking axes hence identities radius competing organized treated rendered
absent acquired attempts concise delay geometries investigating personas raising prevalent prevents radiance
stack textsc conversion linked pilot player prompted internet placement sonnet comprehensively imitation
agricultural kinematics modeled mostly authentic binding disaster em miou regret diagrams specialization
conflicting mcp vertex impacts origin primitive adjust crafted demonstration ecosystem encompassing exposing
misleading scan width involve unimodal adjusts fid prominent transformed bank encourage exactly fuzzy rest
significance timing addressed continue gan reconstructions watermarking adjacent retains room asynchronous
partition clients exchange injects neuron complement computations calling truly abundance acquire acts
asymmetry defenses determined beliefs drawn geospatial aesthetic isolate localize neglecting aggregates
descent hot survival hyperbolic trustworthiness adjustment automate greatly finance having aggregated clips
correcting databases seconds assist eliminate misaligned outperformed preferred histories paving peft
recognizing scanning huggingface halos commonsense price confirmed excessive interval milky rubrics struggles
arm chat definitions notes violations breast cl extensions mistral electronic momentum proven sketch
degradations hindering measurable satisfaction beneficial break href instantiate telescope column graded km
examining intervals twin unconstrained logs speakers story accelerates densities determines oversight
emphasizing instrument kpc scattering crop greedy retrieves weaker exploratory land thousands tomography
coordinated garment nearby playing redshifts analytic excellent rational tight assuming detects modest revisit
default integer investigated replace simplified statements disagreement learner simpler sustainable usability
chunk deviations lstm penalty perceive specificity stems threats exploitation ui commerce encourages euclidean
minimization rankings cumulative geo resolving taken affected extensively footprint panoramic square
accounting aided degrading pedestrian synchronized add backgrounds go occluded themselves coco never tiny air
bases city outside avoids circuits decomposing evaluator posing rationale ill imbalanced singular site
varieties dispersion proposal year outdoor translating trial google medicine overview worst conclusion anatomy
fill inaccurate incorporated revision moderation slice defining holes motivating spread timely interstellar
removes expressed incurs moment codebook grammar incur request assigns faithfully learners rewriting
maximizing resolves shortcut graphics nuclear pet gradually received session versions diagnosing gnn ignore
neither surprisingly remarkably barriers ecg hyperparameter obtaining optimizer retrieving supply brittle
compromise former korean linearly middle neighborhood periodic stance confusion formulates nuscenes occurs
traditionally generalist regularized softmax weaknesses aimed comes hoi diffuse facing record status
suppresses constraining duration evolved forces list norms synergistic ci machines roughly exceed factuality
projections unnecessary unprecedented auditable chemistry evaluators described matters stationary triggers
actor averaging returns seeds solved difficulties encouraging gesture iot nearest terminal transportation
underline unet geometrically augment consequences fashion injecting lifecycle smoothing bands mpc
parameterized primordial rounds sl avatars backward becoming breaking carry friendly customized engines know
deploy dp kd logit reasons gravity keypoint opinion permutation se amplitude categorical shifted drone
covariance drives inject teaching appears contributing respond ssim accounts demanding grow latest
sufficiently acting involved tradeoff arc kgs layered proper arguments included metal par randomly reaction
sky irregular store besides favorable official receive tractable transient hundreds positioning initially
leaderboard messages translations centers compress gnns nuclei pde added classifying formed generalizing sd
institutional resonance return transferring vessel front genai leaves quickly setups syntax concentrated
formulations injected microscopy navigate unavailable completely ongoing spin surpass apis geographic lowest
resilient tone defects files minutes opaque persist toxicity asset asymptotic believe disparities distilling
dr gpus granular logits render rlhf write checkpoints computes conservative harder loops lane workload clarity
ignoring poisson examined fluency st cam collections customer quantitatively talking lattice memories
susceptible attenuation away centralized cores typed synergy urgent verifying passing presentation propagate
situations try concern foundations induction japanese chosen defines delivery discovered dwarf expands fusing
lung mappings merge ranks referred culture ner promoting steer amounts closer cpu cyclic detections proposals
ranked retinal assigned leave monitor preserved routes wind aggregating annotator bird cd crowd party
pathological solid thoughts bleu expressiveness failed gait ordered outflow regulation uniquely optimality
sometimes decomposed inadequate collecting everyday latents splits swe underrepresented evolves neglect
randomized visualizations big compelling flops slightly anchoring edited erasure interplay transcripts your
attributed eval cycles dino possess translated assesses explaining invasive note retriever ap forecast adds
classic dictionary emphasizes deployable formulated mimo sessions tightly wall converting equally proofs
height physiological receiver straightforward tailed tendency adaptable corrections imperfect merger governing
minor simulators spiking augments constructions cosmology deformations valued clinicians cue decreases
immersive mechanical rope assign augmenting dialect reactive signature carbon detr grammatical heart inferring
neighbor trials converge correspond lip old sycophancy brightness comments discussion expectations ngc author
compares epoch similarities cascaded charts convert disc quantity recovered rejection sites anonymous
attracted come constrains contract decouple embed maximization millions nor replacement disentangle sfr animal
bilingual optimisation period influences leveraged sequentially sports couples schedule concentration display
horizons locality describing emergency estimators formally french keep otherwise prevailing tta watermark
critique implementing lean mil excels outer overly quasars secondary complexities entanglement forensic miss
occurrence analyzes formulas positives strategically countries expanded molecules mr subtasks communications
proximity reductions corrected extractor agency causally characterizing clinician handles laboratory motivates
spanish surgery toolkit accumulated clearly contextually recordings authors extensible extrapolation lost
nvidia profiling splitting bh cp ppo receptive stratified subspaces reid sharply solar cascade dg foster git
strengthen unlocking compressing customization decoders express ly partitioning simplicity cooperation
depression multiscale ordinary partitions thin intention resistance warm delayed inform lvlm scaled shadow
timestep tokenizers debiasing descriptive hd introduction national proficiency rf young anisotropic
counterpart encounter ensembles fragile interpretations polynomials slot did hallucinated markets organize
qualitatively tactile unchanged corrupted dropout fisher retained deception outliers stabilize unbiased
presenting recurring shortcuts website amplify consequence continued posts duality file inefficiency name null
organizes serious freedom indirect leq readily sliding street landmark multivariate screen authored biometric
ceiling children ehr embeds membership validates careful cohort inclusion mmlu modify parity reranking sae
sight snr confident hsi lesions maximal mergers names reformulates entries iqa saturation breaks filtered had
ice promotes welfare dominate pages pi abstention apparent frequencies pragmatic verbal accordingly chunks
diagram med parameterization prism today alternating none ris routine workloads confined corruption decide
disparity influenced rmse spectroscopy trading uavs vertical cellular dilemma polar transcription causality
describes elicit erroneous immediate indices similarly union distant gene players querying separating travel
affordance correlate frac grids ia ordinal safer fmri implements instructional negatives persistence
predictors smoothness worse accumulate ism pedagogical persists planck prevalence versatility dose markers
quasar analogous fluctuations job organ reached recorded mild performances discovering showcase slices
teachers toxic assigning blood graphical sector articulated gram grouping mirror monolithic seeks until
authority experimentally indian necessarily nested quantities sentinel adopting catalog cutting engage fire
genetic observability repositories stored win cohomology considerations develops hr hyper ineffective
observing proxies stroke angles chatbot course enrichment hacking hubble manage mutation proves unresolved
averaged moves prime triplet chance child fm grasp overcoming uncovering emphasis geq lifting nash showcasing
stopping tom achievable aggressive contracts developments distinction episodic generality offset outlier
ranges refer restore twins amplification begin experimentation forecasts roberta swin ambiguities firstly
libraries motivate orbit pca stop compresses dramatically outflows signed summarize wer interpreted
necessitates panel sized standalone transformative turbulence agi choose cite compensation portrait proximal
separable option perturbed scored squared correlates distills dominance markedly min moments parallelism
proportional restricting unmanned authenticity blending decrease fly mapped slm begins falls incurring
infeasible restricts searches atlas classified collapses derives easier floor grounds inducing multispectral
popularity prioritizes chatbots convolutions focal hyperparameters react biologically displacement expectation
factorization skip underscores admits conversely divide seek translates bright cs inevitably keypoints rays
residuals completed keyword lesssim standing blue enforcement spiral teaming triage anomalous euclid exhibited
fe finer kitti quiver university assumed json mediated package rouge section shortcomings wavelength
approximations cyber distinctive monolingual satisfying wearable whisper cxr fragmentation impose persuasion
trait aperture closure connect mcts practicality providers dominates hypothesize mix replicate favor humanoid
phi scaffold terminology board compound home inclusive institutions sa ssm substrate tidal battery counter
encodings fluent opening options possibility reflections repeatedly simulates stories decode hour minimizes
rating sc ever histopathology managing ode opus readable repetitive analyse reasonable removed tends cc
executed get interviews invisible societal specialist sustained inability indicator linguistically mechanics
opens projective topologies verifiers accepted dof executing hecke jet kind leaf obstacle alma compliant lrds
pyramid reinforcing gestures opportunity relied wsi augmentations cut forget gaia invariants mi negation
respective thorough unify abundant adjusting affecting african cities deriving multidimensional tied triggered
disjoint green hypergraph planar sketches diagnoses electron enrich intentions organizations slope zone
agriculture days handcrafted publication remained ska string usefulness bits locate raise worldwide bypass
editable underperform accuracies alter collectively exposed fits heat insertion priority reader triplets
velocities waste activated app artistic cornerstone csi healthy readability satisfies speeds wikipedia
ecosystems functionality intents looking revolutionized shorter varepsilon conducting drl ghz initialized
lossless mission participation picture speaking draw explains incrementally reinforce socially subgroup
beamforming exhaustive navigating normative alzheimer flexibly rectified schemas shear delays flight
international license repetition revisiting aid brings disentangling examination generalisation giving hdr
literary passages dnns gates hydrogen lite manipulations minority obstacles pairing particles decline
prioritizing separated analog cfg commitment guardrails registered unrelated acquiring biology differentiation
fms implies superficial unconditional conservation inflation jepa keeps mathematically converges diagnose
ecological european exit missed nano originally passes pdes relighting adjustments connecting equitable
explained extinction guard intuition realization realized rings specify coded deeply fingerprint fragments
calculation contained encountered genuinely proliferation searching done encompasses excess infty lr
psychology tunes hands monotonic reasoner signs utterance av decades fed hierarchies hospital operatorname
photo renders worlds deliberation optional therapeutic flag satellites dex discretization landmarks scientists
terrain backpropagation car hindi isac manipulate necessitating spot compositions consecutive cybersecurity da
documented finetuned inertial logistic pricing relaxation richness shapley vad accompanied controllers
independence reionization sustainability turning admissible chunking drastically segmented submissions
vertices byte entangled individually lift motor separability altitude distractors sqrt tags dental desirable
engineered overcomes proved roc roi seg abnormal assurance baryonic devise episodes figures predictable
schedules secondly traversal bangla clothing constitutes enhancements np race spike fostering reweighting
scatter wasserstein annotate bandit continues gps labelled marl privileged saes simplification truncation
utterances accountability differs gen mock segmenting skeletal stepwise concurrent consolidation debugging
keys mc accommodate arxiv disclosure instruments me obscured tri ce quantified scaffolding triple considers
demo interesting inventory proportion recognized associative ca diverge epochs inspiration swarm viewed
branching concurrently ionized replication symbol abstractions amplifies fundus helpful nuances possibilities
reproduces savings susceptibility adequately argumentation beta diff handwritten indexing sea ssms allocate
productivity reviewed solves suitability waves commands empathy harnesses misuse neuromorphic organizational
periods prefill sections arena attacker ball carried corresponds dots drivers insufficiently realize skew
detectable keyframe members neuroscience viability argues baryon dance dialects disciplines invalid nli
persian sp trusted descriptor differently paradox stabilizes strengthens triples abelian arms benchmarked bone
derivation diagonal inferences informal internally onboard timesteps viewing wsis checkpoint crossing
disentangles endoscopic equilibria faced faint fix kappa le maritime transferred var carries motivation
poisoning abundances assumes clarify deletion hallucinate kolmogorov localizing reductive reinforced
submission unpaired calculations elastic kan maintained mismatches modulated occurring south upsampling vfms
atmospheric cohen deceptive isolates microwave numeric orbital prune pt quenching radiologists shap vietnamese
circular collisions discussions elicitation expressivity flip meets mse opinions plasticity verifies vln
bottom categorize complementarity corrective doing manifolds premise puzzles supplementary avoidance
concerning deg discarding disorder dllms escape grouped incentive photon rt society stores truncated uni agns
au authorship ev forced gtrsim myr neighboring overthinking pointing roadmap sciences amplified anatomically
bearing formalism kinetic restrict admit alleviating discussed distinguishes lensed mistakes optimizations oss
reformulate socio bao contrasts lag row subtask systemic vggt cast concretely purposes yielded advice drafting
filaments hair hit lengthy organizing places symbols traceable affinity episode flood problematic sensory svd
tf cgm filling harmonic humor ids legacy preparation ubiquitous adjusted altering continually disambiguation
fetal meticulously neighbors opposite owing therapy highlighted maximizes migration minimally overlooks pinn
register stylization stylized weyl clarification concentrate consideration copyright he meeting multiview
potentials staged things tracker fr fractional fractions har ptq sigma subgroups asking contents crisis
divergent don exam executes liver marine merged radiative rotational thematic astrophysical certified
degenerate ease gans pearson reflectance retrievers approaching dc harnessing homology investment reviewer
switch tackling ambient calibrate challenged compose decoded hamiltonian hash imu intrinsically ionization
mnist older plain restores turbulent warping citations imply infers manipulated marker oct proactively
reviewers tagging tutoring unbounded authentication communicate complicated deblurring entry feedforward fraud
italian marked opacity regularizer stringent violation bootstrap copy gauge helping inefficiencies mot
planners professionals impossible ma negotiation observer panoptic pervasive sed speedups wider echo
formalization hints pointwise sage sampler warning assignments blockchain compilation covid figure guaranteed
inequality regulated safeguards sfm sgd companion contextualized intractable isolating keywords lifelong
orbits servers substitution tag transmit audits bengali cohorts deficiencies disorders dnn lagrangian school
situational zoom amplifying avenues distinctions explanatory phoneme unfortunately vq behave disrupt
identifiable imposes meanings nvs pa provably striking adversary book contour converted exploited film gamma
md prohibitively revise supernova unintended unlock usable dealing deviate division exemplar exponentially
located logically regressive sarcasm stimuli successive sufficiency traceability assistive epsilon friction
landscapes photometry randomness technological categorization discriminability equipment naturalness
neurosymbolic obscure portion rater relate sat stated twisted anticipate breadth colors molecule observables
rightarrow agree bring collaboratively indeed outdated receives rectification reddit situation suggested ahead
boolean clues govern guideline outstanding possibly reframes resampling shock spearman statement stereotypes
supermassive symptom thanks tracer unable characterizes circ codebase command constitute ethics finds fitness
isotropic lays lose natively quotient tilting acceptable calculate densely essay lastly phonetic practically
selector suppressed symptoms synthetically temperatures advent alignments dms dna ge influencing lexicon
parent perceptions perceptron suggestions timescales transaction twelve vfm backend blueprint cir
concatenation discard disruption incident judging mathsf modulates obtains stacking tau undermines uq aime
allocates deal inr multiplicative recurrence rotations thresholding turkish uncovers activate aesthetics
balmer compensate contrasting decade discriminator modulate nl regulations rms unsupported crack grain
interestingly outlines seeing trackers xl actors articulation bayes bundle cropping depths doppler eo
excitation helpfulness pii reactions slides symplectic behavioural continuation flawed graphrag grasping harms
indistinguishable invocation placed provider reflected sphere dag duplex engaging hierarchically isomorphism
lpips mutually ontologies quiescent recommender refers reproducing silent storytelling universally adaptations
aigc allowed complemented counseling discovers disks emissions footage pinns riemannian storing tens abstracts
arrays attend catalogue grad investigations pbh structuring vascular cv gb marking master morphologies
penalties projector propagates recipes smoke bio camouflaged cognitively indexed mad stacks empowering en
fingerprints framed pan physicians pr stabilization steady vanishing certainty cluttered identifiers
inaccessible luminous mu physician portuguese prm credibility emotionally extrinsic formulating internalize
metacognitive negatively nucleus resistant rho standardization stock swapping thoroughly clock clustered
complements ic loading lowers minute months opd properly rationality participant passage patent radii ran
reusing semeval annotating buffer bypassing interpretive jailbreaking optimizers pushing puzzle reservoir sn
upcoming attractive bulk confirmation differing endpoint gp inspect lowering prerequisite rft thesis
unauthorized analytically decreasing gaming onset prostate protected soon wildfire compiler connects crash
derivative equivariance fragility logarithmic protect restoring routinely surprising symmetries thermodynamic
trap triggering ads asks centroid deliberate filament laser millimeter tensors triangle turbo uneven
benefiting bpe brief empowered heating nn pruned rated retrospective safely tackles undermining workers asp
bugs cr determination dits incompatible marks mismatched monitors orientations peaks readers reproduction
stakeholders ac accident card conducts considerably deepfakes gradual hint multimedia nas numerically push
revised stratification tracers bug closing essentially evidential heritage pace raised recording rising
allocating dot eliciting hydrodynamical imputation living shannon supervise adic alleviates bottlenecked
envelope granularities ideation margins naturalistic operationalize parser phrase prefixes theorems tile
country developer downsampling ds experienced gyr isomorphic laplacian lyman pdf pooled scattered sne ts
undermine violate advertising arnold classifications contrary demographics engineers exemplars freezing
garnered hazard mixtures predicate stacked ages dlms electromagnetic embodiment factually formalizes iris
linguistics mg multitask placing satisfactory schur sink slots stochasticity surrogates convey groundwork odd
preceding snns tunable urdu atoms broadcast decisive declines encryption eviction fragment indic inherit memes
merges rain russian situ termination unexpected unlocks valence blurred breakthroughs delineation dt empowers
keyframes mds pd sharpness shell tiers winning classifies corrects corruptions enriching hopf instantiated
interoperability interview os patching regulate sdss station subgraph themes asked bundles cardiovascular
click clumps diminishing divided encounters hessian nirspec pain publications taxonomies anisotropy dehazing
floating incorporation monotone muse naively nighttime persuasive prices sleep advocate cheap dialectal
disproportionately distorted functionally interdisciplinary multiplication polarity seemingly semisimple
workshop workspace cap categorized codec configurable deliberately densification emulate freely imposed
replaced simplify staining tradeoffs vsr xgboost acyclic aforementioned cool decompositions forensics
langlands responsiveness rigor squares stateful vote adversaries choosing commit cuts dubbed ensembling
inception intersections mdp mirage tolerance tumors watermarks auditory automotive ch clipping commutative
deciding eleven ex executor flaws phantom portfolio reformulation sorting steers supernovae svm undesirable
appealing arbitrarily closes compromised debates distractor escalation functor gw house joints lossy member
plate timescale unrealistic upstream animations coder des dream missions nominal phrases starts united hub
ionizing latin literacy manifest mounted neutrino restriction sdf spontaneous truthfulness browser cone fresh
html imposing incentives lessons mod normalizing planes struggling verdict china constructive cooling distort
enforced fiber hilbert inadvertently india locomotion predicates premature priorities programmatic rooted cer
couple entailment government judged letter lmm medication offensive overfit rotary specialists aging clearer
confounding goods lenses nircam relaxed worker approximates completing contradiction extragalactic
inaccuracies intraoperative kalman magnitudes optimally polarized regularity reject rewrite shadows
strengthening supervisory traced attempted cascading complexes declarative horizontal hst informativeness
ingredient plms segmentations sheaves sustain unitary unsuitable biomarkers burst cat crops empathetic
enriches influential mars odometry paves prescribed ra sparsely stay timestamps unity annealing chapter
coronary cuda drag fourth oncology ot renderings subcategories succeed suites classroom compactness
concentrates counterfactuals delegation expect expense extractors frobenius huge icd justification perfectly
readiness recombination recommend rotating solvable verb western analogy avenue bertscore comprehend
derivatives elevated empower es fog lifts msa notions parabolic pedestrians projecting retail rises specular
dev dexterous formatting globular hundred manipulating meme mere neuroimaging offloading responsibility
undergo verbalized adults american anonymization anticipation appearances approximating checked craft
imagination meaningfully recoverable subjectivity vaes aes compiled compromises designers economy electric
exams iid mmwave mortality offsets prevention subword teach verbose audience changed developmental gaining gt
polyp pursuit referential svg transcript apps colour companies composing fitted ga giant gpqa ip lookup minima
multilayer narrowing openly premises readout revenue smallest tax uda vocabularies void weakness complementing
gr packet pah reused scannet thick torus uniqueness youtube archival atom cls coalition compositionality
congestion cryptographic folding la lusztig nir orchestrator organs overconfidence parse propagating rep
strings tendencies twice waveform animals bringing calculated collaborate lambda legitimate literal poetry
synergistically ast capacities charge cleaning comparatively displays eventually invoke irreversible lipschitz
rppg spline starburst surprisal widths accessing attackers behaviours calibrating certification deduction fi
implying indispensable mag orthogonality oscillations packing pull shortest si stemming worth binaries
biodiversity company conventions desktop geodesic historically illusion interconnected nonetheless prognosis
shocks acute asymptotically cn economics guardrail household idf instantaneous port ram rescue responsive
routed smbh unobserved vessels walk bitrate conjunction covert diabetic dsc eu ie industries interior jacobian
locomo lrm org partly plants reviewing uk automates bootstrapping completions contraction destructive fallback
gru hosted hosts ignores jpeg lets mitigated portable rhetorical sandbox tactical unfolding ffn fracture genre
governs magnification moduli rewarding stabilizing theta valuation zones appropriately buildings collapsing
denoiser discontinuities disrupting empty gameplay prefer snn stale terrestrial adversarially arrive cached cf
differentiate drones efficientnet fixes gcn hotpotqa plasma prototypical refinements scorer slower strain
adhere clutter disturbances externally gathering haze lookahead memorized passed saturated scheduler sided
stays submitted analysing automata controlnet covered dropping imf imperceptible interests monotonically
morphologically mw night nilpotent opt pathologies pave rigidity vi voids acc beginning cheaper checklist gcd
hardness heatmaps inquiry losing pitch pop sun accessed accumulates again contours deficit familiar fas
instrumental lay localizes necessitate orchestrates positively restrictions reversal shed visualize accept
adequate agile cinematic cutoff dangerous discarded euler falling grains harmonization holding insurance
metallicities musical profound prospective rewrites simplifying sparsification whenever avs boltzmann chip
cosmos facilities fc glass gloss intellectual metaphor oral pressing prms remedy smartphone streamline talk
tighter wherein antennas bs cbct consequential copilot decides deductive handled lived lives nontrivial
pretrain secret sf shares simeq snapshot spoofing triangular vlas waymo caches communicative conquer dusty
eddington elementary gather idealized illustrates inspire mem miri mirrors modifies movie omnidirectional
partner phonological photographs pools reads realizing rejected stitching alfworld ancient associate
attributions bodies bp calculus converging equity haloes hat overconfident pe perceptually preview tir yr
appearing backed conjectures degeneracy distinguished essays excluding expressing hinges ion jailbreaks
justify kb lineage manuscript narrows paraphrasing releasing sg substitute summarizes superposition
transmitted activates catalogs convnext cots discipline elimination finitely goes knowing luminosities
mentions nemotron philosophy prioritization rasterization reachability reshaping scholarly seasonal signaling
verbatim am bag bulge cited critiques cultures defensive immense impaired inherited leak lists multiplicity
pos sectors skipping telemetry understandable universality bad bin compile consist feeding fixing ideological
illustrating mandarin mark memorize modularity ownership predictability provable routers soil streamlined
unification unpredictable violence analogue argumentative composable digit elevation except eyes fabricated
finetune handwriting hazards manager mis morphing omission pytorch receiving reframing salience sequencing
situated spine spots vegetation writer xr cortical instantiation knee marketing monoidal paramount pioneering
reconfigurable resourced rolling rows say snapshots synchronous websites axioms coordinating crystal dyadic
fisheye kinds mine mlps newton optimum origins oxygen regard regarded reversible assisting computable
deliberative eff factorized fer font greek implausible inequalities los microscopic neighborhoods organic
promises responding reuses shopping swap approximated armed bidding codecs det dialog equips functors gnss
mimics radiologist realizations reproduced tissues tracked blend bypasses diabetes differentially endoscopy
hii icm ocean pac psychometric radiographs raters resemble residue restrictive stands tangent transactions
volatility amd archive biomarker closest discussing excelling fabrication fading fs instructed iso lunar
needle risky saving simplifies textured tutor unveiling wildlife women abnormalities abstain agenda apart
apple attitudes billions chaotic comment coreference editor evident faults military month obfuscation oh
orthographic phone photography pulmonary quivers vis adjacency cohesive fa foresight invertible logistics
minimax normals oiii partners penalizes researcher revisions specifying spotting subgraphs triangulated
utilities vague allocations approval attaining authoritative chronic completes corporate forests immediately
inverted otimes pbhs prosody purification reconcile transcriptomics url accompanying activating aircraft
bipartite blocking emitting fatigue fpga interprets lateral libero mvtec paraphrase poisoned pollution
prioritized rc scaffolds ship smoothed voxels vpr attached beat canvas cloning detectability intuitively jets
lisa manifests misclassification multifaceted multiphase mv ne noticeable permutations photos plot rnn serial
turing batches bins blurring broken mb pieces propagated reshape served simplistic spec stakeholder supplies
treatments abductive adult averages axial carrying cdot disinformation evaluative honest hugging hz invoking
muscle observes prosodic scientist tilde timestamp truthful vista abdominal arousal auditability chess
circumgalactic convergent dementia deterministically elusive genomic hashing histology incidence lags
localisation opponent payoff planned promptable sod specialised stokes superalgebras underspecified valuations
xlm constitutive consultation corner discards discusses executions exercise explosion faceted initialize
leader omega parties prunes qlora rad reshapes roll suffering tweets visuals winds ais aleatoric brats
compounding cpt cubic curating determinant instant operative sharper soundness speak surroundings understudied
winner ann autoformalization blindness books cars combat comparably complicates consciousness fingerprinting
garments histogram mimicking observatory stand tooth ultraviolet walking beats circle colorization electricity
evasion exacerbated incidents informational insensitive interacts kac leo locating moderately mutations
offered phenotyping planetary redistribution relativistic rtl sheet statistic th twitter ue unicode vectorized
conformity contributed credible draws figurative managed mme orchestrated participating pivot plateau
pluralistic rtx scanner specially tower uniformity violating webpage writes accelerators archives assembled
backtracking categorizes conflate contradictory curved customizable discharge disrupts enter favors
geographical initiative ladder liquid makeup mir pad releases sex smpl tails transmitter www attain blurry
browsecomp chandra consolidates court dd ema esc exclusion fft fixation gc inrs kullback leibler li
macroscopic ours retinopathy stripping td touch clause cod competency dilution disruptions drafts ehrs grok
hampered humaneval intrusive judicial jump mislead occupy paid profit protecting prover pulse ridge strides
summarizing abrupt accent arts auctions bars delivered impairment indicated infrastructures intrusion pascal
piece pitfalls plots powers proceeds processor questioning reframe successes bilateral cityscapes civil cmr
continuations disciplinary dissociation durations energies exclusive hci hq identifiability inappropriate
ingredients interdependent labs laying llada lrd mer mit my originate repairs skeletons sync timeline torsion
transitioning twenty vton ace boosted cardinality exchanges exponent flare gym ihc mhz neck newer piecewise
polish posture priori progresses snippets snow sweep tell ugc witnessed wound centre cg cortex disagree
disparate dutch eigenvalue epic er ft heatmap innovatively inspectable ising james jetson justifications met
meter mosaic paragraph quantile resist spt thickness visit weakens biasing canopy cards dawn favoring hateful
impacting imprecise knn listening mathscr prolonged proteins realm refiner relay roots satisfied steep
systematics technically unsolved absa accelerator bus categorizing comfort consolidate curiosity depletion
glyph hide lifted overlaps printed reasoners recursively thousand tie tiles unbalanced capital century denser
dirichlet discretized ece echocardiography ed eg everything futures isp mdps rehabilitation res surge tiered
widehat adjudication aids altered arrival audited competitors crime deficiency dispatch humanities kgqa
labelling ldm malware obvious pediatric penalizing propositions reciprocal refusals refuse angiography commits
conference contiguous covariate distress dllm fiducial formalizing glasses hardest inserting lyapunov ndcg
north occupation olympiad operationalizes payment sacrifice switches tcm testable widetilde wins accomplish
adam anonymized architecturally calculating columns digitization dilemmas evade excessively foot formalized
fuel inheritance intact leaderboards learnability lsst mirroring mos precipitation recursion scanned shading
soc totaling tr ttt tv unfamiliar akin brand cil clarifying constants courses drawbacks elliptic monotonicity
nr ntire outlining pinpoint queried relu stimulus tensions analysed asian authorization banks cfd ctc
discoveries elaborate female fish frontiers homogenization indecomposable maturity mcmc mentioned modulo
obscuring preoperative really repeat rna smoother spacecraft straight survives tc tropical underutilized
anthropic anxiety audiovisual bimanual camouflage computers conceptually contributors death designated dft dmd
downlink duplicate elicits endpoints entertainment erase erg facility filtration forgeries formidable fosters
guaranteeing internals lt mcq mistake pay reranker resulted securing shots supportive survive tasked
undergoing virial wi academia biomechanical browsing bursts carrier converse eagle elicited encompass equip
hall incoming indicative inevitable injury lp nebular od ontological overline prominence quite regularize
relating roman sheaf singularity ss stations suffix unleashing vbench wm aggregator aliasing allocated
arrangement blinded calibrates gray grothendieck ln makers ofdm presentations queue reed regularities
safeguard slight ternary trip videoqa amazon animatable attentive auction bd certificate concludes confidently
consumers derivations designer doctor erasing extensibility finger hospitals kidney meteorological misses muon
oscillation prototyping radiological regeneration silicon soccer stabilized vibe vllm alters artefacts begun
compass crowdsourced denoised detrimental divergences el equipping escalating geneval happens hindsight hpc
intelligently interactivity intervene mammography painting penetration peripheral prognostic put siamese
southern stain sycophantic toy wavelengths webb admission affordances bandits chamfer committee curse ends
excluded experiential genres imperative ns penalize photons pnp quenched regulating sac safeguarding
visualizing analysts arrangements auslander brauer clue educators functionalities infinity intervening knows
mar mle perceiving phenomenological secrecy vivo weaken accidents adhering authoring bf catalogues
contaminated electrical facilitated flips glm haptic hypernetwork jacobi mac mature optics phenotype quick
something transcriptions abstractive ae analogical assemble barred braid coincide colonoscopy compaction debt
decreased earliest estimations evidenced expansions extractive fastest flags igm kimi leap microsoft neglected
packages participatory prose radiomics rwkv screenshots splats taxonomic teaches albeit capsule competitively
cube flattening generalise golden incoherent internalized limb office oracles partitioned phrasing recruitment
restored succeeds topical voltage want alphabet answered articulate attributable bilinear brought cas
constellation crafting diameter dispersed einstein facto grayscale hearing iad imbalances intensities mde
microlensing mmd naming opened phenotypes radiotherapy reformulating smoothly steered surprise tutorial
behaviorally bot chemically committed contradictions dlm dramatic fov going graphic handful im inflationary
instabilities instantiates interested interleaving misalignments openclaw peers pid positivity rd remember
romanian said scanners sides singularities sonar steerable synergizes tcga tot uncovered undesired validator
vocal wan yes adjoint amortized asd bispectrum compressor converged detoxification df discontinuous
editability editors elliptical forgotten gcs headroom income inertia inserted join lime policymakers pv
recalibration replicated retargeting rural suspicious unfaithful vp agb bilstm buyer compete compounded
dissipation encrypted engaged equality feeds flagged fluorescence headline identically intentionally male mtl
operationally orion packets panorama posit preferentially quaternion silently supplied sustaining tournament
uncontrolled administrative albedo analogues autoregressively bed bind circumvent coexist compounds di door
endogenous fp hc ignored incorrectly intracluster intriguing involvement kinetics lattices lf lmc mms
orchestrating override regulates reinforces reliant reputation serialization sounds speckle subcategory
suicide tt unposed wisdom accumulating alternates artery backdoors bellman charging checker cli composes
constituent crf customers decodes diamond enumeration fills incompleteness jaccard ligand longbench na noon
optically pbr pomdp programmable questionnaire rights sde spider versa appropriateness asymmetries attractor
backends bubble carla characterise commitments disagreements examinations glaucoma hadamard harmless
holistically illustrative imagine individualized inexpensive noises notoriously observers pubmed qualities
rangle realizes renewable rust satisfiability sharpening smbhs stealthy stereotypical undetected vice week ag
alarm algebraically bc campaigns confronted consent cvpr differentiated dilated disturbance dsm fd fractal
harmfulness hosting http mcqs multiclass nmt obscures pathologists perturbing qat selectivity shield smt
specifies ssd vc vibration apex cartesian cloth codex consume copying deberta decodable fairly greatest
impactful inflow lot mention nlg nothing owl pdfs pg registry rescaling sgr smartphones subalgebras typology
artificially brittleness centrality coxeter discriminate dissemination eigenvalues emphasized footnote
geographically grown haiku ib identifier inadequately inferior laparoscopic lemma malignant mp narrowly
ophthalmic opposed pick registers repurposing skewed slang spend spikes spinal splat staging subgoal
submodular synchrotron taylor ties toolbox trillion uninformative unmixing voc ab acquisitions artists
attributing birth budgeted celeba commodity compiles duplication exogenous guessing hamming histopathological
implied injective langle loads locus maximally notation noun omit opposing pas philosophical proportions
pursue rhythm shuffle silhouette specialize substructures sums syntactically vendor vgg whereby whilst
adaptivity boldsymbol colorectal copyrighted css edu eos favored freshness illustrated informing lock manages
mip nitrogen optima phishing poster prefilling randomization recency regularizes sales sigmoid sit slicing
slopes subproblems ta uncalibrated underperforms usd verifiability vllms bangladesh batching byzantine coral
creators crowded deduplication dip engineer exclude
`;

/** The words, most frequent first: index = frequency rank. */
export const COMMON_WORDS: readonly string[] = Object.freeze(WORDS.trim().split(/\s+/));
