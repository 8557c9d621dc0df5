<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../xorlab/app/actions.py" line="43" />
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="44" />
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="45" />
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="72" />
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="73" />
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="74" />
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="77" />
        <source>Restore &amp;last session</source>
        <translation>마지막 세션 복원(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="79" />
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="80" />
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="82" />
        <source>&amp;Export view…</source>
        <translation>화면 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="84" />
        <source>Export plots as &amp;PNG…</source>
        <translation>그래프를 PNG로 내보내기(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="85" />
        <source>Export history as &amp;CSV…</source>
        <translation>기록을 CSV로 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="86" />
        <source>Save as &amp;lesson…</source>
        <translation>수업으로 저장(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="89" />
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="90" />
        <source>&amp;Training views</source>
        <translation>학습 보기(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="91" />
        <source>&amp;Backprop: the chain rule</source>
        <translation>역전파: 연쇄 법칙(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="93" />
        <source>Activation &amp;zoo</source>
        <translation>활성화 함수 모음(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="95" />
        <source>&amp;Init × activation sweep</source>
        <translation>초기화 × 활성화 함수 스윕(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="101" />
        <source>&amp;Reset layout</source>
        <translation>화면 구성 되돌리기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="102" />
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="105" />
        <source>&amp;Lessons</source>
        <translation>수업(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="106" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="107" />
        <source>&amp;About xorlab</source>
        <translation>xorlab 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="108" />
        <source>Play/Pause</source>
        <translation>재생/일시정지</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="109" />
        <source>Step</source>
        <translation>한 스텝</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="110" />
        <source>Step epoch</source>
        <translation>한 에포크</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="111" />
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="130" />
        <source>The language changes when xorlab starts next.</source>
        <translation>언어는 xorlab을 다시 시작하면 바뀝니다.</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="142" />
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="146" />
        <source>About xorlab</source>
        <translation>xorlab 정보</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/actions.py" line="147" />
        <source>xorlab {0}

See how neural networks learn: the XOR problem, backpropagation by the chain rule, sigmoid vs ReLU.
Built on the lecture 모두를 위한 딥러닝 (deep learning for everyone).</source>
        <translation>xorlab {0}

신경망이 배우는 과정을 눈으로 봅니다: XOR 문제, 연쇄 법칙으로 하는 역전파, 시그모이드와 ReLU.
강의 「모두를 위한 딥러닝」을 바탕으로 만들었습니다.</translation>
    </message>
</context>
<context>
    <name>ActivationHistogramPlot</name>
    <message>
        <location filename="../../xorlab/app/views/saturation.py" line="45" />
        <source>a: the layer's values</source>
        <translation>a: 층의 출력값</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/saturation.py" line="46" />
        <source>f′(z): slopes passed back</source>
        <translation>f′(z): 역전파로 곱해지는 기울기</translation>
    </message>
    <message>
        <source>f′(z): the slopes passed back</source>
        <translation type="vanished">f′(z): 역전파로 곱해지는 기울기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/saturation.py" line="60" />
        <location filename="../../xorlab/app/views/saturation.py" line="77" />
        <location filename="../../xorlab/app/views/saturation.py" line="78" />
        <source>layer</source>
        <translation>층</translation>
    </message>
</context>
<context>
    <name>ActivationPlot</name>
    <message>
        <location filename="../../xorlab/app/views/activation.py" line="38" />
        <source>layer {0}</source>
        <translation>{0}층</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/activation.py" line="39" />
        <source>output</source>
        <translation>출력층</translation>
    </message>
</context>
<context>
    <name>ActivationZoo</name>
    <message>
        <location filename="../../xorlab/app/views/zoo.py" line="82" />
        <source>&lt;span style='color:#0072b2'&gt;━ f(z)&lt;/span&gt;   &lt;span style='color:#d55e00'&gt;━ f′(z)&lt;/span&gt;   f′ is what backpropagation multiplies by, layer after layer.</source>
        <translation>&lt;span style='color:#0072b2'&gt;━ f(z)&lt;/span&gt;   &lt;span style='color:#d55e00'&gt;━ f′(z)&lt;/span&gt;   역전파는 층마다 f′를 곱합니다.</translation>
    </message>
</context>
<context>
    <name>BackpropView</name>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="190" />
        <source>numbers, names (each a leaf), + - * / **, ( ), exp, log, sigmoid, tanh, relu; "e = …" names the result</source>
        <translation>숫자, 이름(각각 잎 노드), + - * / **, ( ), exp, log, sigmoid, tanh, relu; "e = …"로 결과에 이름을 붙입니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="215" />
        <source>one step back (←)</source>
        <translation>한 단계 뒤로 (←)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="216" />
        <source>Forward</source>
        <translation>순전파</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="217" />
        <source>compute the next node's value</source>
        <translation>다음 노드의 값을 계산합니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="218" />
        <source>Backward</source>
        <translation>역전파</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="220" />
        <source>the next gradient: local × upstream</source>
        <translation>다음 기울기: 국소 미분 × 위에서 온 기울기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="221" />
        <source>Run all</source>
        <translation>모두 실행</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="222" />
        <source>step through everything at a readable pace (Space)</source>
        <translation>읽을 수 있는 속도로 끝까지 진행합니다 (Space)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="224" />
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="225" />
        <source>Update</source>
        <translation>업데이트</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="226" />
        <source>one step of gradient descent on every parameter: w⁺ = w − γ·∂f/∂w</source>
        <translation>모든 파라미터에 경사 하강법 한 단계: w⁺ = w − γ·∂f/∂w</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="234" />
        <source>Backprop: the chain rule</source>
        <translation>역전파: 연쇄 법칙</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="235" />
        <source>Example expression</source>
        <translation>예제 식</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="236" />
        <source>Expression</source>
        <translation>식</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="237" />
        <source>Computation graph</source>
        <translation>계산 그래프</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="238" />
        <source>Values and gradients of each node</source>
        <translation>각 노드의 값과 기울기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="239" />
        <source>Learning rate γ</source>
        <translation>학습률 γ</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="240" />
        <source>One step back</source>
        <translation>한 단계 뒤로</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="242" />
        <source>→ one step forward or backward, ← one step back, Space runs all</source>
        <translation>→ 순전파나 역전파 한 단계, ← 한 단계 뒤로, 스페이스 키는 끝까지 실행</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="344" />
        <source>(use {0} of {1})</source>
        <translation>({1}번 중 {0}번째 사용)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="345" />
        <source>Press Forward to compute the graph node by node.</source>
        <translation>순전파를 눌러 그래프를 노드 하나씩 계산하세요.</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="360" />
        <source>the chain's product of local derivatives: ∂s/∂{0} = {1};  one node sigmoid({0}): σ(1 − σ) = {2}</source>
        <translation>연쇄 법칙으로 곱한 국소 미분: ∂s/∂{0} = {1};  노드 하나인 sigmoid({0}): σ(1 − σ) = {2}</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="490" />
        <source>{0} must be a number</source>
        <translation>{0}에는 숫자를 넣어야 합니다</translation>
    </message>
    <message>
        <source>the lecture: f = w·x + b</source>
        <translation>강의 예제: f = w·x + b</translation>
    </message>
    <message>
        <source>sigmoid split into steps: 1/(1 + e^(−z))</source>
        <translation>단계로 나눈 시그모이드: 1/(1 + e^(−z))</translation>
    </message>
    <message>
        <source>one neuron: σ(w1·x1 + w2·x2 + b)</source>
        <translation>뉴런 하나: σ(w1·x1 + w2·x2 + b)</translation>
    </message>
    <message>
        <source>two layers and a squared error: (y − (w2·tanh(w1·x + b1) + b2))²</source>
        <translation>두 층과 제곱 오차: (y − (w2·tanh(w1·x + b1) + b2))²</translation>
    </message>
    <message>
        <source>a name used twice: (y − (w·x + b))² + w²</source>
        <translation>두 번 쓰인 이름: (y − (w·x + b))² + w²</translation>
    </message>
    <message>
        <source>name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>operation</source>
        <translation>연산</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>local ∂</source>
        <translation>국소 미분 ∂</translation>
    </message>
    <message>
        <source>gradient ∂f/∂·</source>
        <translation>기울기 ∂f/∂·</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>상수</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <location filename="../../xorlab/app/views/confusion.py" line="34" />
        <source>Second run's confusion matrix</source>
        <translation>두 번째 실행의 혼동 행렬</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/confusion.py" line="35" />
        <source>Confusion matrix and accuracy per class</source>
        <translation>혼동 행렬과 클래스별 정확도</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/confusion.py" line="65" />
        <source>accuracy per class {0}</source>
        <translation>클래스별 정확도 {0}</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/confusion.py" line="69" />
        <source>most often {0} taken for {1} ({2} times)</source>
        <translation>가장 잦은 실수: {0}을(를) {1}(으)로 ({2}번)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/confusion.py" line="74" />
        <source>Confusion matrix on the test set</source>
        <translation>테스트 데이터의 혼동 행렬</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/confusion.py" line="75" />
        <source>Confusion matrix on the training set</source>
        <translation>학습 데이터의 혼동 행렬</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/confusion.py" line="135" />
        <source>predicted</source>
        <translation>예측</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/confusion.py" line="140" />
        <source>true</source>
        <translation>정답</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/confusion.py" line="148" />
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../xorlab/app/crash_report.py" line="84" />
        <source>Unexpected error</source>
        <translation>예상하지 못한 오류</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/crash_report.py" line="85" />
        <source>xorlab hit an unexpected error. Your run is still here: save it if you can.

The details are in the log file {0}; please send it with a description of what you did.</source>
        <translation>xorlab에 예상하지 못한 오류가 생겼습니다. 학습은 그대로 남아 있으니 가능하면 저장하세요.

자세한 내용은 로그 파일 {0}에 있습니다. 무엇을 하다가 생겼는지 설명과 함께 이 파일을 보내 주세요.</translation>
    </message>
</context>
<context>
    <name>DataGroup</name>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="70" />
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="74" />
        <source>XOR truth table</source>
        <translation>XOR 진리표</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="46" />
        <source>XOR quadrants</source>
        <translation>XOR 사분면</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="47" />
        <source>circle</source>
        <translation>원</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="48" />
        <source>gaussian</source>
        <translation>가우스 분포</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="49" />
        <source>spiral</source>
        <translation>나선</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="50" />
        <source>moons</source>
        <translation>반달</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="51" />
        <source>spiral, 3 classes</source>
        <translation>나선, 클래스 3개</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="52" />
        <source>blobs, K classes</source>
        <translation>뭉치, 클래스 K개</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="53" />
        <source>handwritten digits (8×8 images)</source>
        <translation>손글씨 숫자 (8×8 이미지)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="78" />
        <source>CSV file…</source>
        <translation>CSV 파일…</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="79" />
        <source>draw your own</source>
        <translation>직접 그리기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="80" />
        <source>Data set</source>
        <translation>데이터 세트</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="83" />
        <source>noise: standard deviation added to every point</source>
        <translation>잡음: 모든 점에 더하는 표준편차</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="91" />
        <source>n </source>
        <translation>개수 </translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="92" />
        <source>number of points</source>
        <translation>점의 개수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="93" />
        <source>Number of points</source>
        <translation>점의 개수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="98" />
        <source>share of the points held out for testing</source>
        <translation>테스트용으로 남겨 두는 점의 비율</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="99" />
        <source>Test share</source>
        <translation>테스트 비율</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="100" />
        <source>Regenerate</source>
        <translation>다시 만들기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="101" />
        <source>new random points with the same settings</source>
        <translation>같은 설정으로 새 무작위 점을 만듭니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="102" />
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="103" />
        <source>remove every drawn point</source>
        <translation>그린 점을 모두 지웁니다</translation>
    </message>
    <message>
        <source>Click the decision plot: left = class 1 (blue), right = class 0 (orange).</source>
        <translation type="vanished">결정 영역 그림을 클릭하세요: 왼쪽 버튼 = 클래스 1 (파랑), 오른쪽 버튼 = 클래스 0 (주황).</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="84" />
        <location filename="../../xorlab/app/editor/data_group.py" line="120" />
        <source>Noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="107" />
        <source>number of classes K (labels 0 … K−1); fewer classes remove the drawn points of the others</source>
        <translation>클래스 수 K (레이블 0 … K−1). 클래스를 줄이면 없어지는 클래스의 그린 점도 지워집니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="109" />
        <source>Number of classes</source>
        <translation>클래스 수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="111" />
        <source>the class a left click adds</source>
        <translation>왼쪽 클릭으로 추가할 클래스</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="112" />
        <source>Class to draw</source>
        <translation>그릴 클래스</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="113" />
        <source>Click the decision plot: left = the class chosen above, right = class 0 (orange).</source>
        <translation>결정 영역 그림을 클릭하세요: 왼쪽 버튼 = 위에서 고른 클래스, 오른쪽 버튼 = 클래스 0 (주황).</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="126" />
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="130" />
        <source>Classes</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="183" />
        <source>draw class {0}</source>
        <translation>클래스 {0} 그리기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="229" />
        <source>Open points (x1,x2,label)</source>
        <translation>점 파일 열기 (x1,x2,label)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="231" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 파일 (*.csv);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/data_group.py" line="242" />
        <source>Cannot use this CSV file</source>
        <translation>이 CSV 파일을 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>DecisionPlot</name>
    <message>
        <location filename="../../xorlab/app/views/decision.py" line="171" />
        <source>class 1 (p → 1)</source>
        <translation>클래스 1 (p → 1)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/decision.py" line="171" />
        <source>class 0 (p → 0)</source>
        <translation>클래스 0 (p → 0)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/decision.py" line="173" />
        <source>class {0}</source>
        <translation>클래스 {0}</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/decision.py" line="156" />
        <source>neuron {0}.{1}: its output, and its line z = 0</source>
        <translation>뉴런 {0}.{1}: 출력과 그 직선 z = 0</translation>
    </message>
</context>
<context>
    <name>DigitCanvas</name>
    <message>
        <location filename="../../xorlab/app/views/canvas.py" line="34" />
        <source>Canvas to draw a digit on</source>
        <translation>숫자를 그리는 캔버스</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/canvas.py" line="36" />
        <source>left button paints, right button erases; arrows move, Space paints, Delete erases</source>
        <translation>왼쪽 버튼으로 칠하고 오른쪽 버튼으로 지웁니다. 화살표로 옮기고, Space로 칠하고, Del로 지웁니다</translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <location filename="../../xorlab/app/views/canvas.py" line="252" />
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/canvas.py" line="253" />
        <source>Clear the canvas</source>
        <translation>캔버스 지우기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/canvas.py" line="254" />
        <source>Test image</source>
        <translation>테스트 이미지</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/canvas.py" line="255" />
        <source>Put the next test image on the canvas</source>
        <translation>다음 테스트 이미지를 캔버스에 놓기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/canvas.py" line="256" />
        <source>The next of the test images on the canvas: change it and see what the network says</source>
        <translation>다음 테스트 이미지를 캔버스에 놓습니다: 고쳐 보고 네트워크가 무엇이라 하는지 보세요</translation>
    </message>
</context>
<context>
    <name>EdgeInspector</name>
    <message>
        <location filename="../../xorlab/app/views/diagram.py" line="296" />
        <source>a new value for this weight; Enter sets it</source>
        <translation>이 가중치의 새 값; Enter로 적용합니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/diagram.py" line="297" />
        <source>Set</source>
        <translation>적용</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/diagram.py" line="298" />
        <source>close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/diagram.py" line="333" />
        <source>out</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/diagram.py" line="336" />
        <source>weights {0} → {1}: maxout, {2} pieces, mean {3:.4g}</source>
        <translation>가중치 {0} → {1}: maxout, 조각 {2}개, 평균 {3:.4g}</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/diagram.py" line="345" />
        <source>weight {0} → {1} = {2:.4g}   ∂L/∂w: {3}  (step {4})</source>
        <translation>가중치 {0} → {1} = {2:.4g}   ∂L/∂w: {3}  ({4} 스텝)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/diagram.py" line="348" />
        <source>weight {0} → {1} = {2:.4g}   ∂L/∂w = {3:.3g}  (step {4})</source>
        <translation>가중치 {0} → {1} = {2:.4g}   ∂L/∂w = {3:.3g}  ({4} 스텝)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/diagram.py" line="355" />
        <source>no gradient yet — press Step</source>
        <translation>아직 기울기가 없습니다 — 한 스텝을 누르세요</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../xorlab/app/export.py" line="338" />
        <source>Export view</source>
        <translation>화면 내보내기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="346" />
        <source>PNG picture</source>
        <translation>PNG 그림</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="347" />
        <source>SVG drawing (lines and text stay sharp at any size)</source>
        <translation>SVG 벡터 그림 (어떤 크기에서도 선과 글자가 선명합니다)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="351" />
        <source>The picture's size as a multiple of the view's size on screen: 2 × or more is sharp on a slide</source>
        <translation>화면에 보이는 크기의 몇 배로 그릴지: 2배 이상이면 슬라이드에서도 선명합니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="355" />
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="357" />
        <source>View</source>
        <translation>화면</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="358" />
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="359" />
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="361" />
        <source>View to export</source>
        <translation>내보낼 화면</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="362" />
        <source>File format</source>
        <translation>파일 형식</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="363" />
        <source>Picture size</source>
        <translation>그림 크기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="378" />
        <source>{0} × ({1} × {2} px)</source>
        <translation>{0}배 ({1} × {2} 픽셀)</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>CSV of original plot data</source>
        <translation>그래프 원본 데이터의 CSV</translation>
    </message>
    <message>
        <source>separator</source>
        <translation>구분자</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>columnMode</source>
        <translation>열 구성</translation>
    </message>
    <message>
        <source>Image File (PNG, TIF, JPG, ...)</source>
        <translation>이미지 파일 (PNG, TIF, JPG, ...)</translation>
    </message>
    <message>
        <source>width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>height</source>
        <translation>높이</translation>
    </message>
    <message>
        <source>antialias</source>
        <translation>안티에일리어싱</translation>
    </message>
    <message>
        <source>background</source>
        <translation>배경</translation>
    </message>
    <message>
        <source>invertValue</source>
        <translation>값 반전</translation>
    </message>
    <message>
        <source>Scalable Vector Graphics (SVG)</source>
        <translation>벡터 그래픽 (SVG)</translation>
    </message>
    <message>
        <source>scaling stroke</source>
        <translation>선 굵기도 함께 확대</translation>
    </message>
    <message>
        <source>Scalable Vector Graphics</source>
        <translation>벡터 그래픽</translation>
    </message>
    <message>
        <source>Matplotlib Window</source>
        <translation>Matplotlib 창</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>프린터</translation>
    </message>
    <message>
        <source>Print Document</source>
        <translation>문서 인쇄</translation>
    </message>
    <message>
        <source>HDF5 Export: plot (x,y)</source>
        <translation>HDF5 내보내기: 그래프 (x,y)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
</context>
<context>
    <name>FeaturesBox</name>
    <message>
        <location filename="../../xorlab/app/editor/features_box.py" line="32" />
        <source>Inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/features_box.py" line="33" />
        <source>the input features: what the network sees of a point (x₁, x₂); one input neuron each</source>
        <translation>입력 특성: 네트워크가 점 (x₁, x₂)에서 보는 것; 특성마다 입력 뉴런 하나</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/features_box.py" line="38" />
        <location filename="../../xorlab/app/editor/features_box.py" line="55" />
        <source>input feature {0}</source>
        <translation>입력 특성 {0}</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/features_box.py" line="56" />
        <source>images have no input features: the network's inputs are the pixels</source>
        <translation>이미지에는 입력 특성이 없습니다: 신경망의 입력은 픽셀입니다</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>PyQtGraph</source>
        <translation>PyQtGraph</translation>
    </message>
    <message>
        <source>Link Axis:</source>
        <translation>축 연결:</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Links this axis with another view. When linked, both views will display the same data range.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축을 다른 보기와 연결합니다. 연결하면 두 보기가 같은 데이터 범위를 보여 줍니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Percent of data to be visible when auto-scaling. It may be useful to decrease this value for data with spiky noise.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;자동 맞춤 때 보일 데이터의 백분율입니다. 튀는 잡음이 있는 데이터에서는 이 값을 줄이면 도움이 될 수 있습니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Automatically resize this axis whenever the displayed data is changed.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;보이는 데이터가 바뀔 때마다 이 축의 범위를 자동으로 맞춥니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Set the range for this axis manually. This disables automatic scaling. &lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축의 범위를 직접 정합니다. 자동 맞춤은 꺼집니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>직접</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Minimum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축에 보일 가장 작은 값입니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Maximum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축에 보일 가장 큰 값입니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Inverts the display of this axis. (+y points downward instead of upward)&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축을 뒤집어 보여 줍니다. (+y가 위가 아니라 아래를 향합니다)&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Invert Axis</source>
        <translation>축 뒤집기</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Enables mouse interaction (panning, scaling) for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축에서 마우스로 이동하고 확대·축소할 수 있게 합니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Mouse Enabled</source>
        <translation>마우스 사용</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will only auto-scale to data that is visible along the orthogonal axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;켜면 다른 축 방향으로 보이는 데이터에만 맞춰 이 축을 자동으로 맞춥니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Visible Data Only</source>
        <translation>보이는 데이터만</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will automatically pan to center on the current data, but the scale along this axis will not change.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;켜면 이 축이 현재 데이터를 가운데에 두도록 자동으로 이동하지만, 눈금의 크기는 바뀌지 않습니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Auto Pan Only</source>
        <translation>자동 이동만</translation>
    </message>
    <message>
        <source>Display averages of the curves displayed in this plot. The parameter list allows you to choose parameters to average over (if any are available).</source>
        <translation>이 그래프에 보이는 곡선들의 평균을 보여 줍니다. 파라미터 목록에서 평균을 낼 파라미터를 고를 수 있습니다(있는 경우).</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>Plot only the portion of each curve that is visible. This assumes X values are uniformly spaced.</source>
        <translation>각 곡선에서 보이는 부분만 그립니다. X 값이 고른 간격이라고 가정합니다.</translation>
    </message>
    <message>
        <source>Clip to View</source>
        <translation>보이는 부분만 그리기</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check this box to limit the number of traces that are displayed.</source>
        <translation>이 그래프에 곡선이 여러 개 있을 때, 보이는 곡선의 수를 제한하려면 선택하세요.</translation>
    </message>
    <message>
        <source>Max Traces:</source>
        <translation>최대 곡선 수:</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>표본 줄이기</translation>
    </message>
    <message>
        <source>Downsample by drawing a saw wave that follows the min and max of the original data. This method produces the best visual representation of the data but is slower.</source>
        <translation>원래 데이터의 최솟값과 최댓값을 따라가는 톱니파를 그려 표본을 줄입니다. 데이터를 가장 잘 보여 주지만 더 느립니다.</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>최대·최소</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check "Max Traces" and set this value to limit the number of traces that are displayed.</source>
        <translation>이 그래프에 곡선이 여러 개 있을 때, 보이는 곡선의 수를 제한하려면 "최대 곡선 수"를 선택하고 이 값을 정하세요.</translation>
    </message>
    <message>
        <source>If MaxTraces is checked, remove curves from memory after they are hidden (saves memory, but traces can not be un-hidden).</source>
        <translation>최대 곡선 수를 선택했다면, 숨긴 곡선을 메모리에서 지웁니다(메모리는 아끼지만 다시 보이게 할 수 없습니다).</translation>
    </message>
    <message>
        <source>Forget hidden traces</source>
        <translation>숨긴 곡선 지우기</translation>
    </message>
    <message>
        <source>Downsample by taking the mean of N samples.</source>
        <translation>N개 표본의 평균을 취해 표본을 줄입니다.</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>평균값</translation>
    </message>
    <message>
        <source>Downsample by taking the first of N samples. This method is fastest and least accurate.</source>
        <translation>N개 표본 중 첫 번째를 취해 표본을 줄입니다. 가장 빠르지만 가장 부정확합니다.</translation>
    </message>
    <message>
        <source>Subsample</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <source>Automatically downsample data based on the visible range. This assumes X values are uniformly spaced.</source>
        <translation>보이는 범위에 맞춰 자동으로 표본을 줄입니다. X 값이 고른 간격이라고 가정합니다.</translation>
    </message>
    <message>
        <source>Downsample data before plotting. (plot every Nth sample)</source>
        <translation>그리기 전에 표본을 줄입니다. (N번째 표본마다 그림)</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>Log X</source>
        <translation>로그 X</translation>
    </message>
    <message>
        <source>dy/dx</source>
        <translation>dy/dx</translation>
    </message>
    <message>
        <source>Y vs. Y'</source>
        <translation>Y 대 Y'</translation>
    </message>
    <message>
        <source>Power Spectrum (FFT)</source>
        <translation>파워 스펙트럼 (FFT)</translation>
    </message>
    <message>
        <source>Log Y</source>
        <translation>로그 Y</translation>
    </message>
    <message>
        <source>Subtract Mean</source>
        <translation>평균 빼기</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>점</translation>
    </message>
    <message>
        <source>Show X Grid</source>
        <translation>X 격자 보기</translation>
    </message>
    <message>
        <source>Show Y Grid</source>
        <translation>Y 격자 보기</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>불투명도</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>투명도</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Item to export:</source>
        <translation>내보낼 항목:</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>내보낼 형식</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Export options</source>
        <translation>내보내기 설정</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
</context>
<context>
    <name>GradientDepthPlot</name>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="173" />
        <source>Gradient magnitude ‖∂L/∂W‖ by layer, now</source>
        <translation>층별 기울기 크기 ‖∂L/∂W‖ (현재)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="174" />
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="191" />
        <source>out</source>
        <translation>출력</translation>
    </message>
</context>
<context>
    <name>GradientPanel</name>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="222" />
        <source>over time</source>
        <translation>시간에 따라</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="223" />
        <source>by layer</source>
        <translation>층별</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="224" />
        <source>saturation</source>
        <translation>포화</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="225" />
        <source>‖∂L/∂W‖ of every layer over the steps, or against the layer index now</source>
        <translation>스텝에 따른 각 층의 ‖∂L/∂W‖, 또는 현재 층 번호에 따른 값</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="237" />
        <source>‖∂L/∂W¹‖ / ‖∂L/∂W_out‖: how much of the gradient reaches the first layer</source>
        <translation>‖∂L/∂W¹‖ / ‖∂L/∂W_out‖: 기울기가 첫 층까지 얼마나 전달되는지</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="240" />
        <source>Gradients</source>
        <translation>기울기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="252" />
        <source>no gradient yet — press Step</source>
        <translation>아직 기울기가 없습니다 — 한 스텝을 누르세요</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="266" />
        <source>all layers ≈ 0</source>
        <translation>모든 층 ≈ 0</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="268" />
        <source>first/last: {0}</source>
        <translation>첫 층/마지막 층: {0}</translation>
    </message>
</context>
<context>
    <name>GradientPlot</name>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="58" />
        <source>Gradient magnitude ‖∂L/∂W‖ per layer</source>
        <translation>층별 기울기 크기 ‖∂L/∂W‖</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="60" />
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="62" />
        <source>now</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="100" />
        <source>output</source>
        <translation>출력층</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="100" />
        <source>layer {0}</source>
        <translation>{0}층</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/gradients.py" line="112" />
        <source>out</source>
        <translation>출력</translation>
    </message>
</context>
<context>
    <name>GraphCanvas</name>
    <message>
        <location filename="../../xorlab/app/views/backprop.py" line="168" />
        <source>was {0}</source>
        <translation>이전 값 {0}</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>내보내기…</translation>
    </message>
</context>
<context>
    <name>HistoryBar</name>
    <message>
        <location filename="../../xorlab/app/history_bar.py" line="25" />
        <source>move back through the recorded steps: the gradient bars and the by-layer view show that step</source>
        <translation>기록된 스텝을 거슬러 갑니다: 기울기 막대와 층별 보기가 그 스텝을 보여줍니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/history_bar.py" line="27" />
        <source>History: the step shown</source>
        <translation>기록: 보여 주는 스텝</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/history_bar.py" line="28" />
        <location filename="../../xorlab/app/history_bar.py" line="47" />
        <source>now</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/history_bar.py" line="32" />
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/history_bar.py" line="48" />
        <source>step {0:,} (the decision map stays live)</source>
        <translation>{0:,} 스텝 (결정 영역은 현재 값을 보여줍니다)</translation>
    </message>
</context>
<context>
    <name>ImagePanel</name>
    <message>
        <location filename="../../xorlab/app/views/images.py" line="168" />
        <source>Test images</source>
        <translation>테스트 이미지</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/images.py" line="169" />
        <source>Confusion matrix</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/images.py" line="170" />
        <source>Draw a digit</source>
        <translation>숫자 그리기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/images.py" line="171" />
        <source>Image views</source>
        <translation>이미지 보기</translation>
    </message>
</context>
<context>
    <name>LayerRow</name>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="57" />
        <source>neurons in this layer (1–{0})</source>
        <translation>이 층의 뉴런 수 (1–{0})</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="69" />
        <source>drop </source>
        <translation>드롭 </translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="70" />
        <source>no drop</source>
        <translation>드롭 없음</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="74" />
        <source>dropout: while training, each unit of this layer is left out of a step with this probability (the others are scaled by 1/(1 − p)); never when evaluating. Dropped units are grey in the network diagram ({0:g}–{1:g})</source>
        <translation>드롭아웃: 학습 중 이 층의 각 뉴런이 이 확률로 한 스텝에서 빠집니다 (나머지는 1/(1 − p)배로 키웁니다). 평가할 때는 빠지지 않습니다. 빠진 뉴런은 네트워크 그림에서 회색입니다 ({0:g}–{1:g})</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="77" />
        <source>move this layer up</source>
        <translation>이 층을 위로</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="78" />
        <source>move this layer down</source>
        <translation>이 층을 아래로</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="79" />
        <source>remove this layer</source>
        <translation>이 층을 삭제</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="101" />
        <source>Neurons in hidden layer {0}</source>
        <translation>은닉층 {0}의 뉴런 수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="102" />
        <source>Activation of hidden layer {0}</source>
        <translation>은닉층 {0}의 활성화 함수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="103" />
        <source>Parameter of hidden layer {0}</source>
        <translation>은닉층 {0}의 파라미터</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="104" />
        <source>Dropout rate of hidden layer {0}</source>
        <translation>은닉층 {0}의 드롭아웃 비율</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="105" />
        <source>Move hidden layer {0} up</source>
        <translation>은닉층 {0} 위로 옮기기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="106" />
        <source>Move hidden layer {0} down</source>
        <translation>은닉층 {0} 아래로 옮기기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="107" />
        <source>Remove hidden layer {0}</source>
        <translation>은닉층 {0} 삭제</translation>
    </message>
</context>
<context>
    <name>LayersGroup</name>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="164" />
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Hidden layers (x₁, x₂ → … → 1 sigmoid output)</source>
        <translation type="vanished">은닉층 (x₁, x₂ → … → 시그모이드 출력 1개)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="177" />
        <location filename="../../xorlab/app/editor/layers_group.py" line="224" />
        <source>Hidden layers (inputs → … → 1 sigmoid output)</source>
        <translation>은닉층 (입력 → … → 시그모이드 출력 1개)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="180" />
        <source>+ Layer</source>
        <translation>+ 층</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="181" />
        <source>− Layer</source>
        <translation>− 층</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="182" />
        <source>add a hidden layer after the selected one</source>
        <translation>선택한 층 뒤에 은닉층을 추가합니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="183" />
        <source>remove the selected hidden layer</source>
        <translation>선택한 은닉층을 삭제합니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="189" />
        <source>set all layers to …</source>
        <translation>모든 층을 … 로</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="197" />
        <source>Set the activation of every hidden layer</source>
        <translation>모든 은닉층의 활성화 함수 정하기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="198" />
        <source>Weight initializer</source>
        <translation>가중치 초기화 방법</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="200" />
        <source>Init</source>
        <translation>초기화 방법</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="208" />
        <source>No hidden layer: one neuron, one straight line.</source>
        <translation>은닉층 없음: 뉴런 하나, 직선 하나.</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/layers_group.py" line="226" />
        <source>Hidden layers (inputs → … → {0} softmax outputs)</source>
        <translation>은닉층 (입력 → … → 소프트맥스 출력 {0}개)</translation>
    </message>
    <message>
        <source>W = 0</source>
        <translation>W = 0</translation>
    </message>
    <message>
        <source>W ~ N(0, std²)</source>
        <translation>정규 분포 W ~ N(0, std²)</translation>
    </message>
    <message>
        <source>Glorot uniform, a = √(6/(fan_in+fan_out))</source>
        <translation>Glorot 균등 분포, a = √(6/(fan_in+fan_out))</translation>
    </message>
    <message>
        <source>Glorot normal, var = 2/(fan_in+fan_out)</source>
        <translation>Glorot 정규 분포, var = 2/(fan_in+fan_out)</translation>
    </message>
    <message>
        <source>He normal, var = 2/fan_in</source>
        <translation>He 정규 분포, var = 2/fan_in</translation>
    </message>
    <message>
        <source>orthonormal (QR of a Gaussian matrix)</source>
        <translation>정규직교 행렬 (가우스 행렬의 QR 분해)</translation>
    </message>
    <message>
        <source>orthonormal × √2</source>
        <translation>정규직교 행렬 × √2</translation>
    </message>
    <message>
        <source>orthonormal, then each layer rescaled to unit output variance on data (Mishkin &amp; Matas 2016)</source>
        <translation>정규직교 행렬로 시작해, 데이터에서 층마다 출력의 분산이 1이 되도록 다시 맞춥니다 (Mishkin &amp; Matas 2016)</translation>
    </message>
</context>
<context>
    <name>LessonMode</name>
    <message>
        <location filename="../../xorlab/app/lesson_mode.py" line="59" />
        <source>Cannot open lesson</source>
        <translation>수업을 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/lesson_mode.py" line="66" />
        <source>Open lesson</source>
        <translation>수업 열기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/lesson_mode.py" line="67" />
        <location filename="../../xorlab/app/lesson_mode.py" line="140" />
        <source>lessons (*.json)</source>
        <translation>수업 파일 (*.json)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/lesson_mode.py" line="138" />
        <source>Save as lesson</source>
        <translation>수업으로 저장</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/lesson_mode.py" line="155" />
        <source>Cannot save</source>
        <translation>저장할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../xorlab/app/lesson_panel.py" line="41" />
        <source>◀ Previous</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/lesson_panel.py" line="42" />
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/lesson_panel.py" line="43" />
        <source>Open…</source>
        <translation>열기…</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/lesson_panel.py" line="44" />
        <source>Open a lesson file (a teacher's, made with File → Save as lesson)</source>
        <translation>수업 파일 열기 (선생님이 파일 → 수업으로 저장으로 만든 파일)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/lesson_panel.py" line="46" />
        <source>Lessons</source>
        <translation>수업 목록</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/lesson_panel.py" line="46" />
        <source>Lesson text</source>
        <translation>수업 내용</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/lesson_panel.py" line="47" />
        <source>Previous lesson</source>
        <translation>이전 수업</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/lesson_panel.py" line="48" />
        <source>Next lesson</source>
        <translation>다음 수업</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/lesson_panel.py" line="49" />
        <source>Open a lesson file</source>
        <translation>수업 파일 열기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/lesson_panel.py" line="64" />
        <source>Pick a lesson in the list: it sets up its network and says what to look for.</source>
        <translation>목록에서 수업을 고르세요. 수업이 네트워크를 준비하고 무엇을 볼지 알려 줍니다.</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/lesson_panel.py" line="164" />
        <source>Goal</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/lesson_panel.py" line="165" />
        <source>Goal {0}</source>
        <translation>목표 {0}</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../xorlab/app/views/loss.py" line="20" />
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/loss.py" line="22" />
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/loss.py" line="29" />
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/loss.py" line="30" />
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/loss.py" line="69" />
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/loss.py" line="75" />
        <source>train = test</source>
        <translation>학습 = 테스트</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/loss.py" line="77" />
        <source>train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/loss.py" line="78" />
        <source>test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/loss.py" line="144" />
        <source>diverged at step {0}: lower the learning rate</source>
        <translation>{0} 스텝에서 발산: 학습률을 낮추세요</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Play</source>
        <translation type="vanished">재생</translation>
    </message>
    <message>
        <source>play / pause (Space)</source>
        <translation type="vanished">재생 / 일시정지 (Space)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="vanished">한 스텝</translation>
    </message>
    <message>
        <source>one training step (S)</source>
        <translation type="vanished">학습 한 스텝 (S)</translation>
    </message>
    <message>
        <source>Step epoch</source>
        <translation type="vanished">한 에포크</translation>
    </message>
    <message>
        <source>one pass over the training set (E)</source>
        <translation type="vanished">학습 데이터 전체를 한 번 (E)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="vanished">초기화</translation>
    </message>
    <message>
        <source>new weights from the seed, step 0 (R)</source>
        <translation type="vanished">시드로 새 가중치, 0 스텝부터 (R)</translation>
    </message>
    <message>
        <source>max speed</source>
        <translation type="vanished">최고 속도</translation>
    </message>
    <message>
        <source>1000 steps / frame</source>
        <translation type="vanished">프레임당 1000 스텝</translation>
    </message>
    <message>
        <source>100 steps / frame</source>
        <translation type="vanished">프레임당 100 스텝</translation>
    </message>
    <message>
        <source>10 steps / frame</source>
        <translation type="vanished">프레임당 10 스텝</translation>
    </message>
    <message>
        <source>1 step / frame</source>
        <translation type="vanished">프레임당 1 스텝</translation>
    </message>
    <message>
        <source>steps per update</source>
        <translation type="vanished">업데이트당 스텝 수</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="vanished">비교</translation>
    </message>
    <message>
        <source>train a second network beside this one, in lockstep on the same minibatches, with one setting changed</source>
        <translation type="vanished">설정 하나만 바꾼 두 번째 네트워크를 같은 미니배치로 나란히 학습합니다</translation>
    </message>
    <message>
        <source>activation</source>
        <translation type="vanished">활성화 함수</translation>
    </message>
    <message>
        <source>initializer</source>
        <translation type="vanished">가중치 초기화</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation type="vanished">최적화 방법</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="vanished">학습률</translation>
    </message>
    <message>
        <source>depth</source>
        <translation type="vanished">깊이</translation>
    </message>
    <message>
        <source>the second run's value</source>
        <translation type="vanished">두 번째 실행의 값</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="vanished">속도</translation>
    </message>
    <message>
        <source>move back through the recorded steps: the gradient bars and the by-layer view show that step</source>
        <translation type="vanished">기록된 스텝을 거슬러 갑니다: 기울기 막대와 층별 보기가 그 스텝을 보여줍니다</translation>
    </message>
    <message>
        <source>now</source>
        <translation type="vanished">현재</translation>
    </message>
    <message>
        <source>History</source>
        <translation type="vanished">기록</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/window.py" line="154" />
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/window.py" line="155" />
        <source>Backprop: the chain rule</source>
        <translation>역전파: 연쇄 법칙</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/window.py" line="156" />
        <source>Activation zoo</source>
        <translation>활성화 함수 모음</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/window.py" line="157" />
        <source>Init × activation</source>
        <translation>초기화 × 활성화 함수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/window.py" line="163" />
        <source>Network editor</source>
        <translation>네트워크 편집기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/window.py" line="166" />
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/window.py" line="169" />
        <source>Lessons</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>Decision regions plot</source>
        <translation type="vanished">결정 영역 그림</translation>
    </message>
    <message>
        <source>Second run's decision regions plot</source>
        <translation type="vanished">두 번째 실행의 결정 영역 그림</translation>
    </message>
    <message>
        <source>Loss and accuracy plot</source>
        <translation type="vanished">손실과 정확도 그림</translation>
    </message>
    <message>
        <source>Gradient size per layer over the steps</source>
        <translation type="vanished">스텝에 따른 층별 기울기 크기</translation>
    </message>
    <message>
        <source>Gradient size by layer</source>
        <translation type="vanished">층별 기울기 크기</translation>
    </message>
    <message>
        <source>Saturation histograms of each layer</source>
        <translation type="vanished">층별 포화 히스토그램</translation>
    </message>
    <message>
        <source>Activation function plot</source>
        <translation type="vanished">활성화 함수 그림</translation>
    </message>
    <message>
        <source>Gradient view</source>
        <translation type="vanished">기울기 보기 방식</translation>
    </message>
    <message>
        <source>New value of this weight</source>
        <translation type="vanished">이 가중치의 새 값</translation>
    </message>
    <message>
        <source>Close the weight editor</source>
        <translation type="vanished">가중치 편집 닫기</translation>
    </message>
    <message>
        <source>f and f′ of the selected layer's activation</source>
        <translation type="vanished">선택한 층의 활성화 함수 f와 f′</translation>
    </message>
    <message>
        <source>how the values a and the slopes f′ spread in each layer: f′ near 0 is a saturated neuron</source>
        <translation type="vanished">층마다 값 a와 미분값 f′가 퍼진 모양: f′가 0에 가까우면 포화된 뉴런입니다</translation>
    </message>
    <message>
        <source>Restart engine</source>
        <translation type="vanished">엔진 다시 시작</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="vanished">파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="vanished">새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="vanished">열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="vanished">최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>Restore &amp;last session</source>
        <translation type="vanished">마지막 세션 복원(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="vanished">저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="vanished">다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Export plots as &amp;PNG…</source>
        <translation type="vanished">그래프를 PNG로 내보내기(&amp;P)…</translation>
    </message>
    <message>
        <source>Export history as &amp;CSV…</source>
        <translation type="vanished">기록을 CSV로 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>Save as &amp;lesson…</source>
        <translation type="vanished">수업으로 저장(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="vanished">끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="vanished">보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Training views</source>
        <translation type="vanished">학습 보기(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Backprop: the chain rule</source>
        <translation type="vanished">역전파: 연쇄 법칙(&amp;B)</translation>
    </message>
    <message>
        <source>Activation &amp;zoo</source>
        <translation type="vanished">활성화 함수 모음(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Init × activation sweep</source>
        <translation type="vanished">초기화 × 활성화 함수 스윕(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation type="vanished">배치 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="vanished">언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="vanished">도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation type="vanished">수업(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="vanished">단축키(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About xorlab</source>
        <translation type="vanished">xorlab 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Play/Pause</source>
        <translation type="vanished">재생/일시정지</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/window.py" line="258" />
        <source>one neuron</source>
        <translation>뉴런 하나</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/window.py" line="259" />
        <source>before: {0}</source>
        <translation>이전: {0}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="vanished">일시정지</translation>
    </message>
    <message>
        <source>step {0:,} (the decision map stays live)</source>
        <translation type="vanished">{0:,} 스텝 (결정 영역은 현재 값을 보여줍니다)</translation>
    </message>
    <message>
        <source>Cannot open lesson</source>
        <translation type="vanished">수업을 열 수 없습니다</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation type="vanished">수업 열기</translation>
    </message>
    <message>
        <source>Save as lesson</source>
        <translation type="vanished">수업으로 저장</translation>
    </message>
    <message>
        <source>lessons (*.json)</source>
        <translation type="vanished">수업 파일 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation type="vanished">저장할 수 없습니다</translation>
    </message>
    <message>
        <source>step {0:,}  epoch {1:,}</source>
        <translation type="vanished">{0:,} 스텝  {1:,} 에포크</translation>
    </message>
    <message>
        <source>loss {0} / {1}</source>
        <translation type="vanished">손실 {0} / {1}</translation>
    </message>
    <message>
        <source>accuracy {0} / {1}</source>
        <translation type="vanished">정확도 {0} / {1}</translation>
    </message>
    <message>
        <source>{0:,.0f} steps/s  {1} fps</source>
        <translation type="vanished">초당 {0:,.0f} 스텝  {1} fps</translation>
    </message>
    <message>
        <source>batch</source>
        <translation type="vanished">배치</translation>
    </message>
    <message>
        <source>all</source>
        <translation type="vanished">전체</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation type="vanished">{0}층</translation>
    </message>
    <message>
        <source>output</source>
        <translation type="vanished">출력층</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation type="vanished">목록 지우기(&amp;C)</translation>
    </message>
    <message>
        <source>Unsaved run</source>
        <translation type="vanished">저장하지 않은 학습</translation>
    </message>
    <message>
        <source>This run has trained {0:,} steps and is not saved. Save it first?</source>
        <translation type="vanished">이 학습은 {0:,} 스텝을 진행했고 저장되지 않았습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
        <source>The language changes when xorlab starts next.</source>
        <translation type="vanished">언어는 xorlab을 다시 시작하면 바뀝니다.</translation>
    </message>
    <message>
        <source>play / pause</source>
        <translation type="vanished">재생 / 일시정지</translation>
    </message>
    <message>
        <source>one step</source>
        <translation type="vanished">한 스텝</translation>
    </message>
    <message>
        <source>one epoch</source>
        <translation type="vanished">한 에포크</translation>
    </message>
    <message>
        <source>reset (new weights, step 0)</source>
        <translation type="vanished">초기화 (새 가중치, 0 스텝)</translation>
    </message>
    <message>
        <source>new session</source>
        <translation type="vanished">새로 만들기</translation>
    </message>
    <message>
        <source>open a model</source>
        <translation type="vanished">모델 열기</translation>
    </message>
    <message>
        <source>save</source>
        <translation type="vanished">저장</translation>
    </message>
    <message>
        <source>quit</source>
        <translation type="vanished">끝내기</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="vanished">단축키</translation>
    </message>
    <message>
        <source>About xorlab</source>
        <translation type="vanished">xorlab 정보</translation>
    </message>
    <message>
        <source>xorlab {0}

See how neural networks learn: the XOR problem, backpropagation by the chain rule, sigmoid vs ReLU.
Built on the lecture 모두를 위한 딥러닝 (deep learning for everyone).</source>
        <translation type="vanished">xorlab {0}

신경망이 배우는 과정을 눈으로 봅니다: XOR 문제, 연쇄 법칙으로 하는 역전파, 시그모이드와 ReLU.
강의 「모두를 위한 딥러닝」을 바탕으로 만들었습니다.</translation>
    </message>
</context>
<context>
    <name>ModelFiles</name>
    <message>
        <location filename="../../xorlab/app/files.py" line="52" />
        <source>Open model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/files.py" line="54" />
        <source>xorlab models (*.xorlab);;All files (*)</source>
        <translation>xorlab 모델 (*.xorlab);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/files.py" line="64" />
        <source>Cannot open model</source>
        <translation>모델을 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/files.py" line="94" />
        <source>Save model</source>
        <translation>모델 저장</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/files.py" line="96" />
        <source>xorlab models (*.xorlab)</source>
        <translation>xorlab 모델 (*.xorlab)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/files.py" line="114" />
        <source>Nothing to save</source>
        <translation>저장할 것이 없습니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/files.py" line="112" />
        <source>Not saved</source>
        <translation>저장하지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/files.py" line="108" />
        <source>Cannot save</source>
        <translation>저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/files.py" line="166" />
        <source>Unsaved run</source>
        <translation>저장하지 않은 학습</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/files.py" line="167" />
        <source>This run has trained {0:,} steps and is not saved. Save it first?</source>
        <translation>이 학습은 {0:,} 스텝을 진행했고 저장되지 않았습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/files.py" line="182" />
        <source>Export plots as PNG into</source>
        <translation>그래프를 PNG로 내보낼 폴더</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/files.py" line="206" />
        <source>Export history</source>
        <translation>기록 내보내기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/files.py" line="207" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/files.py" line="215" />
        <source>No history</source>
        <translation>기록이 없습니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/files.py" line="197" />
        <location filename="../../xorlab/app/files.py" line="225" />
        <source>Cannot export</source>
        <translation>내보낼 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/files.py" line="261" />
        <source>&amp;Clear list</source>
        <translation>목록 지우기(&amp;C)</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <location filename="../../xorlab/app/views/diagram.py" line="125" />
        <source>no network</source>
        <translation>네트워크 없음</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/diagram.py" line="218" />
        <source>out</source>
        <translation>출력</translation>
    </message>
</context>
<context>
    <name>PlotItem</name>
    <message>
        <source>Plot Options</source>
        <translation>그래프 설정</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>변환</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>표본 줄이기</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>투명도</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>격자</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>점</translation>
    </message>
</context>
<context>
    <name>PlotReadout</name>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="199" />
        <source>step {0:,}: training loss {1}, test loss {2}; accuracy {3} on training points, {4} on test points</source>
        <translation>{0:,} 스텝: 학습 손실 {1}, 테스트 손실 {2}; 정확도는 학습 점에서 {3}, 테스트 점에서 {4}</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="204" />
        <source>Second run {0}: training loss {1}, accuracy {2}</source>
        <translation>두 번째 실행 {0}: 학습 손실 {1}, 정확도 {2}</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="209" />
        <source>step {0:,}: accuracy {1} on training points, {2} on test points</source>
        <translation>{0:,} 스텝: 정확도는 학습 점에서 {1}, 테스트 점에서 {2}</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="218" />
        <source>step {0:,}: gradient size per layer, first to output: {1}</source>
        <translation>{0:,} 스텝: 층별 기울기 크기 (첫 층부터 출력층까지): {1}</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="222" />
        <source>all layers ≈ 0</source>
        <translation>모든 층 ≈ 0</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="223" />
        <source>first/last ratio {0:.2g}</source>
        <translation>첫 층/마지막 층 비율 {0:.2g}</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <location filename="../../xorlab/app/views/canvas.py" line="177" />
        <source>The network's probability of each digit</source>
        <translation>네트워크가 본 각 숫자의 확률</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/canvas.py" line="201" />
        <source>most probable {0} ({1:.0%}); </source>
        <translation>가장 확률이 높은 숫자 {0} ({1:.0%}); </translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/canvas.py" line="219" />
        <source>The network says</source>
        <translation>네트워크의 답</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../xorlab/app/recovery.py" line="242" />
        <source>Cannot restore</source>
        <translation>복원할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/recovery.py" line="247" />
        <source>xorlab — restored session</source>
        <translation>xorlab — 복원된 세션</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/recovery.py" line="272" />
        <source>Restore the last session?</source>
        <translation>마지막 세션을 복원할까요?</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/recovery.py" line="273" />
        <source>xorlab did not quit normally last time. Restore the session it autosaved?</source>
        <translation>지난번에 xorlab이 정상적으로 종료되지 않았습니다. 자동 저장된 세션을 복원할까요?</translation>
    </message>
</context>
<context>
    <name>SampleGrid</name>
    <message>
        <location filename="../../xorlab/app/views/images.py" line="43" />
        <source>Test images with the network's answers</source>
        <translation>테스트 이미지와 네트워크의 답</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/images.py" line="78" />
        <source>{0} taken for {1}</source>
        <translation>{0}을(를) {1}(으)로</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/images.py" line="81" />
        <source>{0} of {1} test images right</source>
        <translation>테스트 이미지 {1}개 중 {0}개 맞음</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/images.py" line="124" />
        <source>Test images: predicted (true); wrong answers framed in red</source>
        <translation>테스트 이미지: 예측 (정답), 틀린 답은 빨간 테두리</translation>
    </message>
</context>
<context>
    <name>ScreenReader</name>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="139" />
        <source>Decision regions plot</source>
        <translation>결정 영역 그림</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="140" />
        <source>Second run's decision regions plot</source>
        <translation>두 번째 실행의 결정 영역 그림</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="141" />
        <source>Loss and accuracy plot</source>
        <translation>손실과 정확도 그림</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="142" />
        <source>Gradient size per layer over the steps</source>
        <translation>스텝에 따른 층별 기울기 크기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="143" />
        <source>Gradient size by layer</source>
        <translation>층별 기울기 크기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="144" />
        <source>Saturation histograms of each layer</source>
        <translation>층별 포화 히스토그램</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="145" />
        <source>Activation function plot</source>
        <translation>활성화 함수 그림</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="146" />
        <source>Gradient view</source>
        <translation>기울기 보기 방식</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="147" />
        <source>New value of this weight</source>
        <translation>이 가중치의 새 값</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="148" />
        <source>Close the weight editor</source>
        <translation>가중치 편집 닫기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="152" />
        <source>f and f′ of the selected layer's activation</source>
        <translation>선택한 층의 활성화 함수 f와 f′</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/accessibility.py" line="154" />
        <source>how the values a and the slopes f′ spread in each layer: f′ near 0 is a saturated neuron</source>
        <translation>층마다 값 a와 미분값 f′가 퍼진 모양: f′가 0에 가까우면 포화된 뉴런입니다</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../xorlab/app/status.py" line="73" />
        <source>Restart engine</source>
        <translation>엔진 다시 시작</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/status.py" line="94" />
        <source>step {0:,}  epoch {1:,}</source>
        <translation>{0:,} 스텝  {1:,} 에포크</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/status.py" line="95" />
        <source>loss {0} / {1}</source>
        <translation>손실 {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/status.py" line="97" />
        <source>accuracy {0} / {1}</source>
        <translation>정확도 {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/status.py" line="101" />
        <source>{0:,.0f} steps/s  {1} fps</source>
        <translation>초당 {0:,.0f} 스텝  {1} fps</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/status.py" line="106" />
        <source>γ now {0:.3g}</source>
        <translation>현재 γ {0:.3g}</translation>
    </message>
</context>
<context>
    <name>SweepView</name>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="109" />
        <source>Run sweep</source>
        <translation>스윕 실행</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="110" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="122" />
        <source>Export CSV…</source>
        <translation>CSV로 내보내기…</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="123" />
        <source>Export Markdown…</source>
        <translation>Markdown으로 내보내기…</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="127" />
        <source>hidden layers</source>
        <translation>은닉층 수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="127" />
        <source>units</source>
        <translation>뉴런 수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="128" />
        <source>data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="128" />
        <source>seeds</source>
        <translation>시드 수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="129" />
        <source>steps</source>
        <translation>스텝 수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="133" />
        <source>Initializers to sweep</source>
        <translation>스윕할 가중치 초기화 방법</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="134" />
        <source>Activations to sweep</source>
        <translation>스윕할 활성화 함수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="135" />
        <source>This sweep's test accuracy</source>
        <translation>이번 스윕의 테스트 정확도</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="136" />
        <source>The paper's table</source>
        <translation>논문의 표</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="151" />
        <source>&lt;b&gt;This sweep&lt;/b&gt;: test accuracy %, mean over the seeds (in brackets: seeds that converged)</source>
        <translation>&lt;b&gt;이 스윕&lt;/b&gt;: 테스트 정확도 %, 시드 평균 (괄호 안: 수렴한 시드 수)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="161" />
        <source>&lt;b&gt;The paper&lt;/b&gt; (Mishkin &amp;amp; Matas 2016, Table 3: CIFAR-10, FitNet4). The data differ — CIFAR-10's colour photos against a 2-D toy or 8×8 handwritten digits — so compare the shape, not the numbers: which cells are n/c. On the digits the shape is the paper's: sigmoid n/c everywhere, maxout n/c under MSRA.</source>
        <translation>&lt;b&gt;논문&lt;/b&gt; (Mishkin &amp;amp; Matas 2016, 표 3: CIFAR-10, FitNet4). 데이터가 다르니(CIFAR-10의 컬러 사진과 2차원 예제 또는 8×8 손글씨 숫자) 숫자가 아니라 모양을 비교하세요: 어느 칸이 n/c인가. 손글씨 숫자에서는 모양이 논문과 같습니다: 시그모이드는 어디서나 n/c, maxout은 MSRA에서 n/c.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The paper&lt;/b&gt; (Mishkin &amp;amp; Matas 2016, Table 3: CIFAR-10, FitNet4). The data differ — CIFAR-10 images against a 2-D toy — so compare the shape, not the numbers: sigmoid n/c everywhere, the ReLU family ahead of tanh.</source>
        <translation type="vanished">&lt;b&gt;논문&lt;/b&gt; (Mishkin &amp;amp; Matas 2016, 표 3: CIFAR-10, FitNet4). 데이터가 다르므로(CIFAR-10 이미지와 2차원 예제) 숫자가 아니라 모양을 비교하세요: 시그모이드는 어디서나 n/c(수렴 안 함), ReLU 계열이 tanh보다 앞섭니다.</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="247" />
        <source>Training {0} runs on both cores; the training view is paused meanwhile.</source>
        <translation>{0}개의 학습을 두 코어에서 진행합니다. 그동안 학습 보기는 멈춥니다.</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="282" />
        <source>Stopped after {0:.1f} s ({1}); the finished cells stay. </source>
        <translation>{0:.1f}초 뒤 멈췄습니다 ({1}). 끝난 칸은 남습니다. </translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="284" />
        <source>Done in {0:.1f} s. </source>
        <translation>{0:.1f}초 만에 끝났습니다. </translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="286" />
        <source>Cancelled after {0:.1f} s; the finished cells stay. </source>
        <translation>{0:.1f}초 뒤 취소했습니다. 끝난 칸은 남습니다. </translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="305" />
        <source>Converged or n/c as in the paper's table: {0} of {1} cells (✓ agrees, ✗ differs).</source>
        <translation>수렴 또는 n/c가 논문의 표와 같은 칸: {1}칸 중 {0}칸 (✓ 같음, ✗ 다름).</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="321" />
        <source>seeds: {0}
converged: {1} of {2}
‖∂L/∂W¹‖ / ‖∂L/∂W_last‖ at the start: {3:.2g}</source>
        <translation>시드별: {0}
수렴: {2}개 중 {1}개
처음의 ‖∂L/∂W¹‖ / ‖∂L/∂W_last‖: {3:.2g}</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/sweep.py" line="358" />
        <source>Export the sweep</source>
        <translation>스윕 내보내기</translation>
    </message>
</context>
<context>
    <name>TrainingBar</name>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="38" />
        <location filename="../../xorlab/app/training_bar.py" line="99" />
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="39" />
        <source>play / pause (Space)</source>
        <translation>재생 / 일시정지 (Space)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="41" />
        <source>Step</source>
        <translation>한 스텝</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="42" />
        <source>one training step (S)</source>
        <translation>학습 한 스텝 (S)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="43" />
        <source>Step epoch</source>
        <translation>한 에포크</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="44" />
        <source>one pass over the training set (E)</source>
        <translation>학습 데이터 전체를 한 번 (E)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="45" />
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="46" />
        <source>new weights from the seed, step 0 (R)</source>
        <translation>시드로 새 가중치, 0 스텝부터 (R)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="48" />
        <source>max speed</source>
        <translation>최고 속도</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="48" />
        <source>1000 steps / frame</source>
        <translation>프레임당 1000 스텝</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="49" />
        <source>100 steps / frame</source>
        <translation>프레임당 100 스텝</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="50" />
        <source>10 steps / frame</source>
        <translation>프레임당 10 스텝</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="50" />
        <source>1 step / frame</source>
        <translation>프레임당 1 스텝</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="52" />
        <source>steps per update</source>
        <translation>업데이트당 스텝 수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="53" />
        <source>Training speed</source>
        <translation>학습 속도</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="54" />
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="56" />
        <source>train a second network beside this one, in lockstep on the same minibatches, with one setting changed</source>
        <translation>설정 하나만 바꾼 두 번째 네트워크를 같은 미니배치로 나란히 학습합니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="60" />
        <source>activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="60" />
        <source>initializer</source>
        <translation>가중치 초기화</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="61" />
        <source>optimizer</source>
        <translation>최적화 방법</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="61" />
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="62" />
        <source>depth</source>
        <translation>깊이</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="65" />
        <source>Setting the second run changes</source>
        <translation>두 번째 실행에서 바꿀 설정</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="67" />
        <source>Second run's value</source>
        <translation>두 번째 실행의 값</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="68" />
        <source>the second run's value</source>
        <translation>두 번째 실행의 값</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="76" />
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="99" />
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="134" />
        <source>drawn points</source>
        <translation>그린 점</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="136" />
        <source>blobs, {0} classes</source>
        <translation>뭉치, 클래스 {0}개</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="138" />
        <source>one neuron</source>
        <translation>뉴런 하나</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="138" />
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/training_bar.py" line="138" />
        <source>all</source>
        <translation>전체</translation>
    </message>
</context>
<context>
    <name>TrainingGroup</name>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="73" />
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="77" />
        <source>loss: bce (cross-entropy) or mse (mean squared error)</source>
        <translation>손실: bce (교차 엔트로피) 또는 mse (평균 제곱 오차)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="86" />
        <source>momentum μ in v⁺ = μ·v − γ·∂L/∂w, w⁺ = w + v⁺ (used by the momentum optimizer)</source>
        <translation>모멘텀 μ: v⁺ = μ·v − γ·∂L/∂w, w⁺ = w + v⁺ (momentum 최적화에서 씁니다)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="93" />
        <source>learning rate γ in w⁺ = w − γ·∂L/∂w ({0:g} … {1:g}); type any value and press Enter</source>
        <translation>학습률 γ: w⁺ = w − γ·∂L/∂w ({0:g} … {1:g}); 값을 입력하고 Enter를 누르세요</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="97" />
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="99" />
        <source>samples per step; 'all' = full batch</source>
        <translation>스텝당 샘플 수; '전체' = 전체 배치</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="101" />
        <location filename="../../xorlab/app/editor/training_group.py" line="169" />
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="107" />
        <source>regularization strength ({0:g} … {1:g})</source>
        <translation>정규화 강도 ({0:g} … {1:g})</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="112" />
        <source>seed of the weights and of the minibatch order</source>
        <translation>가중치와 미니배치 순서의 시드</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="114" />
        <source>Loss function</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="115" />
        <source>Optimizer</source>
        <translation>최적화 방법</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="116" />
        <source>Momentum μ</source>
        <translation>모멘텀 μ</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="117" />
        <source>Learning rate γ</source>
        <translation>학습률 γ</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="118" />
        <source>Batch size</source>
        <translation>미니배치 크기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="119" />
        <source>Regularization</source>
        <translation>정규화</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="120" />
        <source>Regularization strength</source>
        <translation>정규화 강도</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="121" />
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="122" />
        <source>Learning-rate schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="123" />
        <source>Learning-rate decay factor</source>
        <translation>학습률 감쇠 계수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="124" />
        <source>Steps between learning-rate decays</source>
        <translation>학습률 감쇠 사이의 스텝 수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="125" />
        <source>Stop at accuracy</source>
        <translation>이 정확도에서 멈춤</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="126" />
        <source>Stop on a loss plateau of steps</source>
        <translation>손실 정체 스텝 수에서 멈춤</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="127" />
        <source>Stop at step</source>
        <translation>이 스텝에서 멈춤</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="132" />
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="136" />
        <source>γ</source>
        <translation>γ</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="138" />
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="140" />
        <source>Reg.</source>
        <translation>정규화</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="144" />
        <source>seed </source>
        <translation>시드 </translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="145" />
        <source>γ decay</source>
        <translation>γ 감쇠</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="149" />
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="169" />
        <source>step</source>
        <translation>계단</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="169" />
        <source>exp</source>
        <translation>지수</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="172" />
        <source>γ over the steps t: none (constant), step (γ·factorᵏ with k = ⌊t / every⌋) or exp (γ·factor^(t / every): the same decay, smoothly)</source>
        <translation>스텝 t에 따른 γ: 없음 (일정), 계단 (간격 스텝마다 γ에 계수를 한 번 곱함) 또는 지수 (γ·계수^(t / 간격): 같은 감쇠를 매끄럽게)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="179" />
        <source>γ is multiplied by this every 'every' steps</source>
        <translation>'간격' 스텝마다 γ에 이 값을 곱합니다</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="183" />
        <source>every </source>
        <translation>간격 </translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="189" />
        <source>acc. off</source>
        <translation>정확도 끔</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="191" />
        <source>pause when the test accuracy (the training accuracy when there are no test points) reaches this; 0: off</source>
        <translation>테스트 정확도 (테스트 점이 없으면 학습 정확도)가 이 값에 이르면 일시 정지합니다. 0: 끔</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="196" />
        <source>plateau </source>
        <translation>정체 </translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="197" />
        <source>plateau off</source>
        <translation>정체 끔</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="199" />
        <source>pause when the training loss has not fallen by {0:g} for this many steps; 0: off</source>
        <translation>학습 손실이 이만큼의 스텝 동안 {0:g} 이상 줄지 않으면 일시 정지합니다. 0: 끔</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="204" />
        <source>at step </source>
        <translation>스텝 </translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="205" />
        <source>steps off</source>
        <translation>스텝 끔</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/editor/training_group.py" line="206" />
        <source>pause when the step counter reaches this (a step budget for the run); 0: off</source>
        <translation>스텝 수가 이 값에 이르면 일시 정지합니다 (실행의 스텝 예산). 0: 끔</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <source>ViewBox options</source>
        <translation>보기 설정</translation>
    </message>
    <message>
        <source>View All</source>
        <translation>전체 보기</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>마우스 모드</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>버튼 3개</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>버튼 1개</translation>
    </message>
    <message>
        <source>axis</source>
        <translation>축</translation>
    </message>
</context>
<context>
    <name>ViewExport</name>
    <message>
        <location filename="../../xorlab/app/export.py" line="213" />
        <source>Training: the four views</source>
        <translation>학습: 네 그래프 전체</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="214" />
        <source>Decision regions</source>
        <translation>결정 영역</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="215" />
        <source>Compare: both decision maps</source>
        <translation>비교: 두 결정 영역</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="217" />
        <source>Test images and the network's answers</source>
        <translation>테스트 이미지와 네트워크의 답</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="219" />
        <source>Confusion matrix and accuracy per class</source>
        <translation>혼동 행렬과 클래스별 정확도</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="221" />
        <source>A drawn digit and the network's probabilities</source>
        <translation>그린 숫자와 네트워크의 확률</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="223" />
        <source>Compare: the image views and the second run's confusion matrix</source>
        <translation>비교: 이미지 보기와 두 번째 실행의 혼동 행렬</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="226" />
        <source>Network diagram</source>
        <translation>네트워크 구조도</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="227" />
        <source>Loss and accuracy</source>
        <translation>손실과 정확도</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="228" />
        <source>Gradients (as shown: over time, by layer or saturation)</source>
        <translation>기울기 (보이는 그대로: 시간에 따라, 층별, 포화)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="230" />
        <source>Activation f and f′</source>
        <translation>활성화 함수 f와 f′</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="231" />
        <source>Backprop: graph, table and controls</source>
        <translation>역전파: 그래프, 표와 버튼</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="233" />
        <source>Backprop: the computation graph</source>
        <translation>역전파: 계산 그래프</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="235" />
        <source>Activation zoo</source>
        <translation>활성화 함수 모음</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="236" />
        <source>Init × activation sweep</source>
        <translation>초기화 × 활성화 함수 스윕</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="260" />
        <source>Export view…</source>
        <translation>화면 내보내기…</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="297" />
        <source>PNG pictures (*.png)</source>
        <translation>PNG 그림 (*.png)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="298" />
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 벡터 그림 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="300" />
        <source>Export view</source>
        <translation>화면 내보내기</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/export.py" line="325" />
        <source>Cannot export</source>
        <translation>내보낼 수 없습니다</translation>
    </message>
</context>
<context>
    <name>ZooCard</name>
    <message>
        <location filename="../../xorlab/app/views/zoo.py" line="56" />
        <source>{0}: f and f′</source>
        <translation>{0}: f와 f′</translation>
    </message>
    <message>
        <location filename="../../xorlab/app/views/zoo.py" line="60" />
        <source>f = {0}&lt;br&gt;range {1} · largest f′ = {2:.3g}&lt;br&gt;&lt;i&gt;{3}&lt;/i&gt;</source>
        <translation>f = {0}&lt;br&gt;치역 {1} · 최대 f′ = {2:.3g}&lt;br&gt;&lt;i&gt;{3}&lt;/i&gt;</translation>
    </message>
    <message>
        <source>no bend: any number of linear layers is still one straight line</source>
        <translation>꺾임이 없습니다: 선형 층을 몇 개 쌓아도 직선 하나입니다</translation>
    </message>
    <message>
        <source>smooth, a probability; σ′ ≤ 0.25, so n layers pass back at most 0.25ⁿ: the vanishing gradient</source>
        <translation>매끄럽고 확률로 읽힙니다. σ′ ≤ 0.25이므로 n개 층은 기울기를 많아야 0.25ⁿ만 전달합니다: 기울기 소실</translation>
    </message>
    <message>
        <source>centred on 0, slope up to 1; still saturates for large |z|</source>
        <translation>0을 중심으로 하고 기울기가 1까지 갑니다. 그래도 |z|가 크면 포화됩니다</translation>
    </message>
    <message>
        <source>no saturation for z &gt; 0, cheap; a unit with z &lt; 0 everywhere is dead</source>
        <translation>z &gt; 0에서 포화가 없고 계산이 쌉니다. 어디서나 z &lt; 0인 뉴런은 죽습니다</translation>
    </message>
    <message>
        <source>a small slope for z &lt; 0: no dead units</source>
        <translation>z &lt; 0에서 작은 기울기: 죽은 뉴런이 없습니다</translation>
    </message>
    <message>
        <source>a larger slope for z &lt; 0 (1/3): the paper's VLReLU</source>
        <translation>z &lt; 0에서 더 큰 기울기 (1/3): 논문의 VLReLU</translation>
    </message>
    <message>
        <source>smooth, outputs with a mean near 0; costs an exp</source>
        <translation>매끄럽고 출력의 평균이 0에 가깝습니다. exp 계산이 듭니다</translation>
    </message>
    <message>
        <source>learns its own convex shape; k pieces: k times the weights</source>
        <translation>볼록한 모양을 스스로 배웁니다. 조각 k개: 가중치도 k배</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>{path}: every point is of class {label}; training needs points of both classes</source>
        <translation>{path}: 모든 점이 클래스 {label}입니다. 학습에는 두 클래스의 점이 모두 필요합니다</translation>
    </message>
    <message>
        <source>unknown activation {name!r}; allowed: {allowed}</source>
        <translation>알 수 없는 활성화 함수 {name!r}. 가능한 값: {allowed}</translation>
    </message>
    <message>
        <source>{where}: {points} points but {labels} labels</source>
        <translation>{where}: 점은 {points}개인데 레이블은 {labels}개입니다</translation>
    </message>
    <message>
        <source>{where}: at most {max_points} points are allowed, got {points}</source>
        <translation>{where}: 점은 최대 {max_points}개까지 가능합니다. 받은 개수: {points}</translation>
    </message>
    <message>
        <source>{where}: x1 and x2 must be finite numbers from {low:g} to {high:g}</source>
        <translation>{where}: x1과 x2는 {low:g}부터 {high:g}까지의 유한한 수여야 합니다</translation>
    </message>
    <message>
        <source>{where}: every label must be 0 or 1</source>
        <translation>{where}: 모든 레이블은 0 또는 1이어야 합니다</translation>
    </message>
    <message>
        <source>unknown dataset {name!r}; allowed: {allowed}</source>
        <translation>알 수 없는 데이터셋 {name!r}. 가능한 값: {allowed}</translation>
    </message>
    <message>
        <source>seed must be a whole number &gt;= 0, got {seed!r}</source>
        <translation>시드는 0 이상의 정수여야 합니다. 받은 값: {seed!r}</translation>
    </message>
    <message>
        <source>number of points must be a whole number from {min_points} to {max_points}, got {n!r}</source>
        <translation>점의 개수는 {min_points}부터 {max_points}까지의 정수여야 합니다. 받은 값: {n!r}</translation>
    </message>
    <message>
        <source>{what} must be a number from {lo} to {hi}, got {value!r}</source>
        <translation>{what}은(는) {lo}부터 {hi}까지의 수여야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>{path}: needs at least 2 data rows x1,x2,label, found {rows}</source>
        <translation>{path}: x1,x2,label 데이터 행이 2개 이상 필요합니다. 찾은 행: {rows}</translation>
    </message>
    <message>
        <source>the csv dataset needs a file path</source>
        <translation>csv 데이터셋에는 파일 경로가 필요합니다</translation>
    </message>
    <message>
        <source>{path}: malformed CSV: {reason}</source>
        <translation>{path}: 잘못된 CSV 형식: {reason}</translation>
    </message>
    <message>
        <source>{name}: points must be pairs of numbers: {reason}</source>
        <translation>{name}: 점은 두 수의 쌍이어야 합니다: {reason}</translation>
    </message>
    <message>
        <source>{path}:{line}: expected 3 columns x1,x2,label, got {columns}</source>
        <translation>{path}:{line}: x1,x2,label의 3개 열이 필요합니다. 받은 열: {columns}</translation>
    </message>
    <message>
        <source>{path}:{line}: x1 and x2 must be finite numbers from {low:g} to {high:g}</source>
        <translation>{path}:{line}: x1과 x2는 {low:g}부터 {high:g}까지의 유한한 수여야 합니다</translation>
    </message>
    <message>
        <source>{path}: more than {max_points} points; at most {max_points} are allowed</source>
        <translation>{path}: 점이 {max_points}개보다 많습니다. 최대 {max_points}개까지 가능합니다</translation>
    </message>
    <message>
        <source>{path}:{line}: label must be 0 or 1, got {label!r}</source>
        <translation>{path}:{line}: 레이블은 0 또는 1이어야 합니다. 받은 값: {label!r}</translation>
    </message>
    <message>
        <source>{path}:{line}: not a number in {text!r}; expected x1,x2,label</source>
        <translation>{path}:{line}: {text!r}에 수가 아닌 값이 있습니다. x1,x2,label 형식이어야 합니다</translation>
    </message>
    <message>
        <source>type an expression such as w*x + b</source>
        <translation>w*x + b 같은 식을 입력하세요</translation>
    </message>
    <message>
        <source>an expression has at most {limit} characters</source>
        <translation>식은 최대 {limit}자까지 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>{part!r} is not allowed; allowed: numbers, names, + - * / **, ( ), {allowed}</source>
        <translation>{part!r}은(는) 쓸 수 없습니다. 쓸 수 있는 것: 수, 이름, + - * / **, ( ), {allowed}</translation>
    </message>
    <message>
        <source>the result {root_name!r} cannot also be an input</source>
        <translation>결과 {root_name!r}은(는) 입력으로도 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>not a complete expression ({reason}); allowed: numbers, names, + - * / **, ( ), {allowed}</source>
        <translation>완전한 식이 아닙니다({reason}). 쓸 수 있는 것: 수, 이름, + - * / **, ( ), {allowed}</translation>
    </message>
    <message>
        <source>at most {limit} nodes in one graph</source>
        <translation>그래프 하나에는 노드가 최대 {limit}개까지 가능합니다</translation>
    </message>
    <message>
        <source>a number too large or too small: {reason}</source>
        <translation>너무 크거나 너무 작은 수: {reason}</translation>
    </message>
    <message>
        <source>{name!r} cannot be a name</source>
        <translation>{name!r}은(는) 이름으로 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>unknown function {function!r}; allowed: {allowed}</source>
        <translation>알 수 없는 함수 {function!r}. 가능한 함수: {allowed}</translation>
    </message>
    <message>
        <source>{name} takes one argument</source>
        <translation>{name}은(는) 인자를 하나만 받습니다</translation>
    </message>
    <message>
        <source>the exponent after ** must be a number</source>
        <translation>** 뒤의 지수는 수여야 합니다</translation>
    </message>
    <message>
        <source>{what} is not a finite number</source>
        <translation>{what}은(는) 유한한 수가 아닙니다</translation>
    </message>
    <message>
        <source>{data:g} ** {k:g} has no real value with a derivative</source>
        <translation>{data:g} ** {k:g}은(는) 미분할 수 있는 실수 값이 없습니다</translation>
    </message>
    <message>
        <source>division by zero: {data:g} / 0</source>
        <translation>0으로 나눔: {data:g} / 0</translation>
    </message>
    <message>
        <source>exp({data:g}) is too large</source>
        <translation>exp({data:g})이(가) 너무 큽니다</translation>
    </message>
    <message>
        <source>log needs a positive number, got {data:g}</source>
        <translation>log에는 양수가 필요합니다. 받은 값: {data:g}</translation>
    </message>
    <message>
        <source>{what} is too large for a float</source>
        <translation>{what}은(는) 부동소수점 수로 나타내기에 너무 큽니다</translation>
    </message>
    <message>
        <source>{data:g} ** {k:g} is too large</source>
        <translation>{data:g} ** {k:g}이(가) 너무 큽니다</translation>
    </message>
    <message>
        <source>unknown initializer {name!r}; allowed: {allowed}</source>
        <translation>알 수 없는 가중치 초기화 {name!r}. 가능한 값: {allowed}</translation>
    </message>
    <message>
        <source>the weights contain NaN or infinity; reset before saving</source>
        <translation>가중치에 NaN 또는 무한대가 있습니다. 저장하기 전에 ‘처음으로’를 누르세요</translation>
    </message>
    <message>
        <source>a model file needs a name</source>
        <translation>모델 파일에는 이름이 필요합니다</translation>
    </message>
    <message>
        <source>{path}: not an xorlab model file (missing "format": "{format}")</source>
        <translation>{path}: xorlab 모델 파일이 아닙니다("format": "{format}"이(가) 없습니다)</translation>
    </message>
    <message>
        <source>{path}: unsupported model file version {version!r}; this xorlab reads versions {readable}</source>
        <translation>{path}: 지원하지 않는 모델 파일 버전 {version!r}. 이 xorlab은 버전 {readable}을(를) 읽습니다</translation>
    </message>
    <message>
        <source>{path}: expected {arrays} parameter arrays for this network, found {found}</source>
        <translation>{path}: 이 네트워크에는 파라미터 배열 {arrays}개가 필요한데 {found}개가 있습니다</translation>
    </message>
    <message>
        <source>{path}: history must be an object</source>
        <translation>{path}: history는 객체여야 합니다</translation>
    </message>
    <message>
        <source>{path}: not valid JSON at line {line}, column {column}: {reason}{hint}</source>
        <translation type="vanished">{path}: {line}행 {column}열이 올바른 JSON이 아닙니다: {reason}{hint}</translation>
    </message>
    <message>
        <source>{path}: JSON nested too deeply</source>
        <translation>{path}: JSON이 너무 깊이 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>{path}: not valid JSON: {reason}</source>
        <translation>{path}: 올바른 JSON이 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>{path}: bad network spec: {reason}</source>
        <translation>{path}: 잘못된 네트워크 구성: {reason}</translation>
    </message>
    <message>
        <source>{path}: {name} must have shape {shape}, found {found!r}</source>
        <translation>{path}: {name}의 모양은 {shape}이어야 합니다. 찾은 모양: {found!r}</translation>
    </message>
    <message>
        <source>{path}: {name} must hold {size} finite numbers</source>
        <translation>{path}: {name}에는 유한한 수 {size}개가 있어야 합니다</translation>
    </message>
    <message>
        <source>{path}: {key} must be a whole number &gt;= 0, got {value!r}</source>
        <translation>{path}: {key}은(는) 0 이상의 정수여야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>{path}: history {steps_key} and {values_key} must be lists of the same length</source>
        <translation>{path}: history의 {steps_key}와(과) {values_key}은(는) 길이가 같은 리스트여야 합니다</translation>
    </message>
    <message>
        <source>{path}: history {steps_key} must be ascending whole numbers</source>
        <translation>{path}: history의 {steps_key}은(는) 오름차순 정수여야 합니다</translation>
    </message>
    <message>
        <source>{path}: history {values_key} must be rows of {width} finite numbers (or null)</source>
        <translation>{path}: history의 {values_key}은(는) 유한한 수(또는 null) {width}개로 된 행이어야 합니다</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>객체여야 합니다</translation>
    </message>
    <message>
        <source>{path}: bad training settings: {reason}</source>
        <translation>{path}: 잘못된 학습 설정: {reason}</translation>
    </message>
    <message>
        <source>{what} must be a whole number from {lo} to {hi}, got {value!r}</source>
        <translation>{what}은(는) {lo}부터 {hi}까지의 정수여야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>{where} must be an object like {{'units': 4, 'activation': 'tanh'}}</source>
        <translation>{where}은(는) {{'units': 4, 'activation': 'tanh'}} 같은 객체여야 합니다</translation>
    </message>
    <message>
        <source>{where}: unknown activation {name!r}; allowed: {allowed}</source>
        <translation>{where}: 알 수 없는 활성화 함수 {name!r}. 가능한 값: {allowed}</translation>
    </message>
    <message>
        <source>a network spec must be a JSON object / dict</source>
        <translation>네트워크 구성은 JSON 객체(dict)여야 합니다</translation>
    </message>
    <message>
        <source>layers must be a non-empty list ending with the output layer {output}</source>
        <translation>layers는 출력층 {output}(으)로 끝나는 비어 있지 않은 리스트여야 합니다</translation>
    </message>
    <message>
        <source>at most {limit} hidden layers are allowed, got {value}</source>
        <translation>은닉층은 최대 {limit}개까지 가능합니다. 받은 개수: {value}</translation>
    </message>
    <message>
        <source>the last layer must be the output {output}</source>
        <translation type="vanished">마지막 층은 출력층 {output}이어야 합니다</translation>
    </message>
    <message>
        <source>the lsuv init needs data: pass data=X (a batch of inputs)</source>
        <translation>lsuv 초기화에는 데이터가 필요합니다: data=X(입력 배치)를 넘기세요</translation>
    </message>
    <message>
        <source>{where}{name} must be a number from {low:g} to {high:g}, got {value!r}</source>
        <translation type="vanished">{where}{name}은(는) {low:g}부터 {high:g}까지의 수여야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>{where}{name} must be a whole number from {low:g} to {high:g}, got {value!r}</source>
        <translation type="vanished">{where}{name}은(는) {low:g}부터 {high:g}까지의 정수여야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>a sweep needs at least one initializer and one activation</source>
        <translation>스윕에는 가중치 초기화와 활성화 함수가 하나 이상씩 필요합니다</translation>
    </message>
    <message>
        <source>depth must be from 1 to {limit}, got {depth}</source>
        <translation>깊이는 1부터 {limit}까지여야 합니다. 받은 값: {depth}</translation>
    </message>
    <message>
        <source>width must be from 1 to {limit}, got {width}</source>
        <translation>너비는 1부터 {limit}까지여야 합니다. 받은 값: {width}</translation>
    </message>
    <message>
        <source>seeds must be from 1 to 20, got {seeds}</source>
        <translation>시드 수는 1부터 20까지여야 합니다. 받은 값: {seeds}</translation>
    </message>
    <message>
        <source>steps must be from 1 to 100000, got {steps}</source>
        <translation>스텝 수는 1부터 100000까지여야 합니다. 받은 값: {steps}</translation>
    </message>
    <message>
        <source>the sweep trains with sgd or momentum</source>
        <translation>스윕은 sgd 또는 momentum으로 학습합니다</translation>
    </message>
    <message>
        <source>dtype must be float32 or float64</source>
        <translation>dtype은 float32 또는 float64여야 합니다</translation>
    </message>
    <message>
        <source>{path}: not a regular file</source>
        <translation>{path}: 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>{path}: {size:,} bytes is too large; at most {limit:,} bytes are read</source>
        <translation>{path}: {size:,}바이트는 너무 큽니다. 최대 {limit:,}바이트까지 읽습니다</translation>
    </message>
    <message>
        <source>{path}: too large; at most {limit:,} bytes are read</source>
        <translation>{path}: 너무 큽니다. 최대 {limit:,}바이트까지 읽습니다</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>{path}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{path}: not UTF-8 text</source>
        <translation>{path}: UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>unknown loss {loss!r}; allowed: {allowed}</source>
        <translation>알 수 없는 손실 {loss!r}. 가능한 값: {allowed}</translation>
    </message>
    <message>
        <source>unknown optimizer {optimizer!r}; allowed: {allowed}</source>
        <translation>알 수 없는 최적화 방법 {optimizer!r}. 가능한 값: {allowed}</translation>
    </message>
    <message>
        <source>learning rate must be a number from {low:g} to {high:g}, got {lr!r}</source>
        <translation>학습률은 {low:g}부터 {high:g}까지의 수여야 합니다. 받은 값: {lr!r}</translation>
    </message>
    <message>
        <source>batch size must be a whole number &gt;= 1, got {batch_size!r}</source>
        <translation>배치 크기는 1 이상의 정수여야 합니다. 받은 값: {batch_size!r}</translation>
    </message>
    <message>
        <source>momentum must be a number from {low:g} to {high:g}, got {momentum!r}</source>
        <translation>모멘텀은 {low:g}부터 {high:g}까지의 수여야 합니다. 받은 값: {momentum!r}</translation>
    </message>
    <message>
        <source>seed must be a whole number from 0 to {limit}, got {seed!r}</source>
        <translation>시드는 0부터 {limit}까지의 정수여야 합니다. 받은 값: {seed!r}</translation>
    </message>
    <message>
        <source>eval_every must be a whole number &gt;= 0, got {eval_every!r}</source>
        <translation>eval_every는 0 이상의 정수여야 합니다. 받은 값: {eval_every!r}</translation>
    </message>
    <message>
        <source>unknown training setting(s) {unknown}; allowed: {allowed}</source>
        <translation>알 수 없는 학습 설정 {unknown}. 가능한 설정: {allowed}</translation>
    </message>
    <message>
        <source>the training set is empty</source>
        <translation>학습 데이터가 비어 있습니다</translation>
    </message>
    <message>
        <source>loss and seed are structural: build a new Trainer</source>
        <translation>손실과 시드는 구조에 속합니다: 새 Trainer를 만드세요</translation>
    </message>
    <message>
        <source>only a trainer on the same data and batch size can follow</source>
        <translation>같은 데이터와 배치 크기의 트레이너만 따라갈 수 있습니다</translation>
    </message>
    <message>
        <source>{name} strength must be a number from {low:g} to {high:g}, got {v!r}</source>
        <translation>{name} 강도는 {low:g}부터 {high:g}까지의 수여야 합니다. 받은 값: {v!r}</translation>
    </message>
    <message>
        <source>unknown compare setting {setting!r}; allowed: {allowed}</source>
        <translation>알 수 없는 비교 설정 {setting!r}. 가능한 값: {allowed}</translation>
    </message>
    <message>
        <source>unknown compare setting {setting!r}</source>
        <translation>알 수 없는 비교 설정 {setting!r}</translation>
    </message>
    <message>
        <source>compare on must be true or false</source>
        <translation>compare on은 true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>compare must be an object</source>
        <translation>compare는 객체여야 합니다</translation>
    </message>
    <message>
        <source>compare learning rate must be a number from {low:g} to {high:g}, got {value!r}</source>
        <translation>비교할 학습률은 {low:g}부터 {high:g}까지의 수여야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>compare {setting} must be one of {allowed}, got {value!r}</source>
        <translation>비교할 {setting}은(는) {allowed} 중 하나여야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>{path}: a lesson is an object</source>
        <translation>{path}: 레슨은 객체여야 합니다</translation>
    </message>
    <message>
        <source>id must be a name</source>
        <translation>id는 이름이어야 합니다</translation>
    </message>
    <message>
        <source>order must be a whole number</source>
        <translation>order는 정수여야 합니다</translation>
    </message>
    <message>
        <source>unknown view {view!r}; allowed: {allowed}</source>
        <translation>알 수 없는 보기 {view!r}. 가능한 값: {allowed}</translation>
    </message>
    <message>
        <source>hide must be a list of control names</source>
        <translation type="vanished">hide는 컨트롤 이름의 리스트여야 합니다</translation>
    </message>
    <message>
        <source>unknown control(s) {unknown}; allowed: {allowed}</source>
        <translation type="vanished">알 수 없는 컨트롤 {unknown}. 가능한 값: {allowed}</translation>
    </message>
    <message>
        <source>unknown preset {preset!r}; allowed: {allowed}</source>
        <translation>알 수 없는 예제 {preset!r}. 가능한 값: {allowed}</translation>
    </message>
    <message>
        <source>{path}:{line}: not valid JSON: {reason}</source>
        <translation>{path}:{line}: 올바른 JSON이 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <source>{key} must be an object of texts with at least an English one, {{"en": ...}}</source>
        <translation>{key}은(는) 영어 텍스트를 하나 이상 포함한 텍스트 객체 {{"en": ...}}여야 합니다</translation>
    </message>
    <message>
        <source>goal kind must be one of {allowed}</source>
        <translation>goal kind는 {allowed} 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>goal value must be a finite number</source>
        <translation type="vanished">goal value는 유한한 수여야 합니다</translation>
    </message>
    <message>
        <source>goal after_steps must be a whole number &gt;= 0</source>
        <translation type="vanished">goal after_steps는 0 이상의 정수여야 합니다</translation>
    </message>
    <message>
        <source>goal text must be an object of texts</source>
        <translation>goal text는 텍스트 객체여야 합니다</translation>
    </message>
    <message>
        <source>two lessons have the id {id!r}</source>
        <translation>두 레슨의 id가 {id!r}(으)로 같습니다</translation>
    </message>
    <message>
        <source>{path}: session: {reason}</source>
        <translation>{path}: 세션: {reason}</translation>
    </message>
    <message>
        <source>data must be an object</source>
        <translation>data는 객체여야 합니다</translation>
    </message>
    <message>
        <source>view must be null or [layer, unit] of a hidden neuron, got {view!r}</source>
        <translation>view는 null 또는 은닉 뉴런의 [층, 뉴런]이어야 합니다. 받은 값: {view!r}</translation>
    </message>
    <message>
        <source>data {key} must be a number from {lo:g} to {hi:g}, got {v!r}</source>
        <translation>data {key}은(는) {lo:g}부터 {hi:g}까지의 수여야 합니다. 받은 값: {v!r}</translation>
    </message>
    <message>
        <source>data {key} must be a whole number from {lo} to {hi}, got {v!r}</source>
        <translation>data {key}은(는) {lo}부터 {hi}까지의 정수여야 합니다. 받은 값: {v!r}</translation>
    </message>
    <message>
        <source>a session must be an object</source>
        <translation>세션은 객체여야 합니다</translation>
    </message>
    <message>
        <source>unsupported session version {version!r}; this xorlab reads version {readable}</source>
        <translation>지원하지 않는 세션 버전 {version!r}. 이 xorlab은 버전 {readable}을(를) 읽습니다</translation>
    </message>
    <message>
        <source>network must be an object with a list of hidden layers</source>
        <translation>network는 은닉층 리스트를 가진 객체여야 합니다</translation>
    </message>
    <message>
        <source>the network has {inputs} inputs; the app's data has 2</source>
        <translation type="vanished">네트워크의 입력은 {inputs}개인데 앱의 데이터는 2개입니다</translation>
    </message>
    <message>
        <source>data label must be one of {allowed}</source>
        <translation>data label은 {allowed} 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>data X and y must be lists of at most {max_points} points</source>
        <translation>data X와 y는 최대 {max_points}개 점의 리스트여야 합니다</translation>
    </message>
    <message>
        <source>data extent must be two finite numbers lo &lt; hi</source>
        <translation>data extent는 lo &lt; hi인 유한한 수 두 개여야 합니다</translation>
    </message>
    <message>
        <source>data path must be text</source>
        <translation>data path는 텍스트여야 합니다</translation>
    </message>
    <message>
        <source>unknown dataset {name!r}; allowed: {allowed}, points</source>
        <translation>알 수 없는 데이터셋 {name!r}. 가능한 값: {allowed}, points</translation>
    </message>
    <message>
        <source>training must be an object</source>
        <translation>training은 객체여야 합니다</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>data points: {reason}</source>
        <translation>data points: {reason}</translation>
    </message>
    <message>
        <source>{prefix}a non-empty list of feature names from {allowed} is needed; got {names!r}</source>
        <translation>{prefix}{allowed} 중에서 고른 입력 특성 이름의 리스트가 필요합니다(비어 있으면 안 됩니다). 받은 값: {names!r}</translation>
    </message>
    <message>
        <source>{prefix}unknown feature(s) {unknown}; allowed: {allowed}</source>
        <translation>{prefix}알 수 없는 입력 특성 {unknown}. 가능한 값: {allowed}</translation>
    </message>
    <message>
        <source>{prefix}{twice} given more than once; each of {allowed} may appear once</source>
        <translation>{prefix}{twice}이(가) 두 번 이상 있습니다. {allowed}은(는) 각각 한 번만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>inputs must be the number of features ({count}: {names}), got {inputs!r}</source>
        <translation type="vanished">inputs는 입력 특성의 개수({count}: {names})여야 합니다. 받은 값: {inputs!r}</translation>
    </message>
    <message>
        <source>{key} must be a list of control names</source>
        <translation>{key}는 컨트롤 이름의 리스트여야 합니다</translation>
    </message>
    <message>
        <source>{key}: unknown control(s) {unknown}; allowed: {allowed}</source>
        <translation>{key}: 알 수 없는 컨트롤 {unknown}. 가능한 값: {allowed}</translation>
    </message>
    <message>
        <source>test fraction</source>
        <translation>테스트 비율</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <source>the result of {op}</source>
        <translation>{op}의 결과</translation>
    </message>
    <message>
        <source>a power</source>
        <translation>거듭제곱</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>a local derivative of {op}</source>
        <translation>{op}의 국소 미분</translation>
    </message>
    <message>
        <source>a power's derivative</source>
        <translation>거듭제곱의 미분</translation>
    </message>
    <message>
        <source>{path}: not valid JSON at line {line}, column {column}: {reason}</source>
        <translation>{path}: {line}행 {column}열이 올바른 JSON이 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>{path}: not valid JSON at line {line}, column {column}: {reason} (the file looks truncated)</source>
        <translation>{path}: {line}행 {column}열이 올바른 JSON이 아닙니다: {reason} (파일이 잘린 것 같습니다)</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>{where} units</source>
        <translation>{where}의 뉴런 수</translation>
    </message>
    <message>
        <source>layer {number}</source>
        <translation>{number}번째 층</translation>
    </message>
    <message>
        <source>{where} {name}</source>
        <translation>{where}의 {name}</translation>
    </message>
    <message>
        <source>{name} must be a number from {low:g} to {high:g}, got {value!r}</source>
        <translation>{name}은(는) {low:g}부터 {high:g}까지의 수여야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>{name} must be a whole number from {low:g} to {high:g}, got {value!r}</source>
        <translation>{name}은(는) {low:g}부터 {high:g}까지의 정수여야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>{path}: the run holds a value that is not a finite number; nothing was written</source>
        <translation>{path}: 실행 기록에 유한하지 않은 값이 있어 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <source>{path}: history {key} go past the file's step {step}</source>
        <translation>{path}: 기록 {key}가 파일의 스텝 {step}을 넘어갑니다</translation>
    </message>
    <message>
        <source>A seed converged when it did not diverge and its test accuracy is above chance ({chance:.0%}) + {margin:.0%}; a cell is n/c when fewer than half of its seeds converged</source>
        <translation>발산하지 않고 테스트 정확도가 우연 수준({chance:.0%}) + {margin:.0%}보다 높으면 그 시드는 수렴한 것입니다. 시드의 절반 미만이 수렴한 칸은 n/c입니다</translation>
    </message>
    <message>
        <source>Cannot export as “{name}”: the file name must end in .png (a picture) or .svg (a drawing).</source>
        <translation>“{name}” 파일로는 내보낼 수 없습니다: 파일 이름은 .png(그림) 또는 .svg(벡터 그림)로 끝나야 합니다.</translation>
    </message>
    <message>
        <source>There is nothing to export: the view is not shown.</source>
        <translation>내보낼 것이 없습니다: 그 화면이 보이지 않습니다.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>{path}에 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>dropout must be a list of rates, one a hidden layer, each from {low:g} to {high:g}, got {value!r}</source>
        <translation>dropout은 은닉층마다 하나씩, 각각 {low:g}에서 {high:g} 사이인 비율의 목록이어야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>unknown learning-rate schedule {value!r}; allowed: {allowed}</source>
        <translation>알 수 없는 학습률 스케줄 {value!r}. 가능한 값: {allowed}</translation>
    </message>
    <message>
        <source>{name} must be a whole number from {low} to {high}, got {value!r}</source>
        <translation>{name}은(는) {low}에서 {high} 사이의 정수여야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>{name} must be a whole number from {low} to {high}, or null (off), got {value!r}</source>
        <translation>{name}은(는) {low}에서 {high} 사이의 정수이거나 null (끔)이어야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>{name} must be a number from {low:g} to {high:g}, or null (off), got {value!r}</source>
        <translation>{name}은(는) {low:g}에서 {high:g} 사이의 수이거나 null (끔)이어야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>dropout gives {count} rates but the network has {hidden} hidden layer(s)</source>
        <translation>dropout 비율이 {count}개인데 네트워크의 은닉층은 {hidden}개입니다</translation>
    </message>
    <message>
        <source>training dropout gives {count} rates but the network has {hidden} hidden layer(s)</source>
        <translation>training의 dropout 비율이 {count}개인데 네트워크의 은닉층은 {hidden}개입니다</translation>
    </message>
    <message>
        <source>{where}the number of classes must be a whole number from {low} to {high}, got {classes!r}</source>
        <translation>{where}클래스 수는 {low}부터 {high}까지의 정수여야 합니다. 받은 값: {classes!r}</translation>
    </message>
    <message>
        <source>{where}: every label must be a whole number from 0 to {last} ({classes} classes)</source>
        <translation>{where}: 모든 레이블은 0부터 {last}까지의 정수여야 합니다 (클래스 {classes}개)</translation>
    </message>
    <message>
        <source>{name} has {classes} classes of its own; the number of classes is chosen for {allowed} only</source>
        <translation>{name}은(는) 클래스가 {classes}개로 정해져 있습니다. 클래스 수는 {allowed}에서만 고를 수 있습니다</translation>
    </message>
    <message>
        <source>blobs need {low} to {high} classes, got {classes} (two blobs: the gaussian dataset)</source>
        <translation>blobs의 클래스 수는 {low}부터 {high}까지입니다. 받은 값: {classes} (덩어리 두 개는 gaussian 데이터셋)</translation>
    </message>
    <message>
        <source>{path}: no point has the label {missing}; the labels of {classes} classes are 0 to {last}, each used (or give the number of classes)</source>
        <translation>{path}: 레이블이 {missing}인 점이 없습니다. 클래스 {classes}개의 레이블은 0부터 {last}까지이고 모두 쓰여야 합니다 (또는 클래스 수를 지정하세요)</translation>
    </message>
    <message>
        <source>the bundled digits cannot be read: {reason}</source>
        <translation>함께 제공된 손글씨 숫자 데이터를 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{path}:{line}: label must be a whole number from 0 to {last}, got {label!r}</source>
        <translation>{path}:{line}: 레이블은 0부터 {last}까지의 정수여야 합니다. 받은 값: {label!r}</translation>
    </message>
    <message>
        <source>the {loss} loss works with 2 classes only; {classes} classes train with bce (cross-entropy)</source>
        <translation>{loss} 손실은 클래스가 2개일 때만 쓸 수 있습니다. 클래스 {classes}개는 bce(교차 엔트로피)로 학습합니다</translation>
    </message>
    <message>
        <source>the last layer ({where}) must be the output layer {output} (2 classes) or {{'units': K, 'activation': 'softmax'}} for K = {low} … {high} classes</source>
        <translation>마지막 층({where})은 출력층 {output}(클래스 2개) 또는 클래스 K = {low} … {high}개의 {{'units': K, 'activation': 'softmax'}}여야 합니다</translation>
    </message>
    <message>
        <source>image must be [rows, columns], one of {allowed}, got {image!r}</source>
        <translation>image는 [행, 열]로 {allowed} 중 하나여야 합니다. 받은 값: {image!r}</translation>
    </message>
    <message>
        <source>the pixels of a {rows}×{columns} image</source>
        <translation>{rows}×{columns} 이미지의 픽셀 수</translation>
    </message>
    <message>
        <source>the number of features ({count}: {names})</source>
        <translation>입력 특성의 개수({count}: {names})</translation>
    </message>
    <message>
        <source>inputs must be {what}, got {inputs!r}</source>
        <translation>inputs는 {what}여야 합니다. 받은 값: {inputs!r}</translation>
    </message>
    <message>
        <source>an image network takes the pixels as its inputs: no features</source>
        <translation>이미지 신경망은 픽셀을 입력으로 받습니다: 입력 특성은 쓰지 않습니다</translation>
    </message>
    <message>
        <source>the network ({inputs} inputs, {classes} classes) does not fit the data ({data_inputs} inputs, {data_classes} classes)</source>
        <translation>신경망(입력 {inputs}개, 클래스 {classes}개)이 데이터(입력 {data_inputs}개, 클래스 {data_classes}개)에 맞지 않습니다</translation>
    </message>
    <message>
        <source>data classes: {name} has {classes} classes, got {value!r}</source>
        <translation>data classes: {name}의 클래스는 {classes}개입니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>data classes: blobs need {low} to {high} classes, got {value!r}</source>
        <translation>data classes: blobs의 클래스 수는 {low}부터 {high}까지입니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>weight decay must be from {low:g} to {high:g}, got {value!r}</source>
        <translation>가중치 감쇠는 {low:g}부터 {high:g}까지의 수여야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>the sweep trains on {allowed}; got {dataset!r}</source>
        <translation>스윕은 {allowed}에서 학습합니다. 받은 값: {dataset!r}</translation>
    </message>
    <message>
        <source>a lesson has "goal" (one) or "goals" (a list), not both</source>
        <translation>수업에는 "goal"(하나)이나 "goals"(목록) 중 하나만 있어야 합니다</translation>
    </message>
    <message>
        <source>"goals" must be a list of goals</source>
        <translation>"goals"는 목표의 목록이어야 합니다</translation>
    </message>
    <message>
        <source>goal "when" must be an object of {allowed}</source>
        <translation>목표의 "when"은 {allowed}로 된 객체여야 합니다</translation>
    </message>
    <message>
        <source>goal {key} must be a finite number</source>
        <translation>목표의 {key}는 유한한 수여야 합니다</translation>
    </message>
    <message>
        <source>goal {key} must be a whole number &gt;= 0</source>
        <translation>목표의 {key}는 0 이상의 정수여야 합니다</translation>
    </message>
    <message>
        <source>goal "when": {key} must be a number</source>
        <translation>목표의 "when": {key}는 수여야 합니다</translation>
    </message>
    <message>
        <source>goal "when": {key} must be a name or a list of names</source>
        <translation>목표의 "when": {key}는 이름이나 이름의 목록이어야 합니다</translation>
    </message>
</context>
<context>
    <name>formulas</name>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <source>σ(z) = 1 / (1 + e^−z)</source>
        <translation>σ(z) = 1 / (1 + e^−z)</translation>
    </message>
    <message>
        <source>tanh(z)</source>
        <translation>tanh(z)</translation>
    </message>
    <message>
        <source>max(0, z)</source>
        <translation>max(0, z)</translation>
    </message>
    <message>
        <source>max({slope:.3g}·z, z)</source>
        <translation>max({slope:.3g}·z, z)</translation>
    </message>
    <message>
        <source>max({slope:.3g}·z, z)  (very leaky)</source>
        <translation>max({slope:.3g}·z, z)  (음수 기울기 큼)</translation>
    </message>
    <message>
        <source>z if z &gt; 0 else {alpha:.3g}(e^z − 1)</source>
        <translation>z &gt; 0이면 z, 아니면 {alpha:.3g}(e^z − 1)</translation>
    </message>
    <message>
        <source>max of {k} pieces (x·Wᵢ + bᵢ)</source>
        <translation>조각 {k}개 (x·Wᵢ + bᵢ) 중 최댓값</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>No training points: draw some points first (left click: class 1, right click: class 0).</source>
        <translation>학습할 점이 없습니다: 먼저 점을 그리세요 (왼쪽 클릭: 클래스 1, 오른쪽 클릭: 클래스 0).</translation>
    </message>
    <message>
        <source>All training points are of one class: add points of the other class.</source>
        <translation>학습할 점이 모두 한 클래스입니다: 다른 클래스의 점을 더하세요.</translation>
    </message>
    <message>
        <source>This network cannot be built: {detail}</source>
        <translation>이 네트워크를 만들 수 없습니다: {detail}</translation>
    </message>
    <message>
        <source>Diverged at step {step}: loss or gradient NaN, ∞ or &gt; {limit:g}. Kept the weights after step {last_good}; lower γ, then press Reset.</source>
        <translation>{step} 스텝에서 발산했습니다: 손실이나 기울기가 NaN, ∞ 또는 {limit:g}보다 큽니다. {last_good} 스텝 뒤의 가중치를 남겼습니다. γ를 낮추고 ‘처음으로’를 누르세요.</translation>
    </message>
    <message>
        <source>Training stopped by an internal error: {detail}</source>
        <translation>내부 오류로 학습이 멈췄습니다: {detail}</translation>
    </message>
    <message>
        <source>The training process stopped unexpectedly (exit code {exitcode}). Press Reset to start it again.</source>
        <translation type="vanished">학습 프로세스가 예기치 않게 멈췄습니다 (종료 코드 {exitcode}). 초기화를 눌러 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Learning rate {text} is not allowed: it must be a number from {low:g} to {high:g}.</source>
        <translation>학습률 {text}은(는) 쓸 수 없습니다: {low:g}부터 {high:g}까지의 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>Regularization strength {text} is not allowed: it must be a number from {low:g} to {high:g}.</source>
        <translation>정규화 강도 {text}은(는) 쓸 수 없습니다: {low:g}부터 {high:g}까지의 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>Cannot use this CSV file: {detail}</source>
        <translation>이 CSV 파일을 쓸 수 없습니다: {detail}</translation>
    </message>
    <message>
        <source>At most {limit} hidden layers.</source>
        <translation>은닉층은 많아야 {limit}개입니다.</translation>
    </message>
    <message>
        <source>Not opened: {detail}</source>
        <translation>열지 못했습니다: {detail}</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>{path}을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
    <message>
        <source>Not saved: {detail}</source>
        <translation>저장하지 못했습니다: {detail}</translation>
    </message>
    <message>
        <source>There is no trained network to save yet.</source>
        <translation>아직 저장할 학습된 네트워크가 없습니다.</translation>
    </message>
    <message>
        <source>The network is being rebuilt; try again in a moment.</source>
        <translation>네트워크를 다시 만드는 중입니다. 잠시 뒤에 다시 해 보세요.</translation>
    </message>
    <message>
        <source>Exported {count} PNG files to {folder}</source>
        <translation>PNG 파일 {count}개를 {folder}에 내보냈습니다</translation>
    </message>
    <message>
        <source>Exported the history to {path}</source>
        <translation>기록을 {path}에 내보냈습니다</translation>
    </message>
    <message>
        <source>There is no history yet: train for a few steps first.</source>
        <translation>아직 기록이 없습니다: 먼저 몇 스텝 학습하세요.</translation>
    </message>
    <message>
        <source>Weight {text} is not allowed: it must be a number from −{limit:g} to {limit:g}.</source>
        <translation>가중치 {text}은(는) 쓸 수 없습니다: −{limit:g}부터 {limit:g}까지의 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>The second run ({label}) diverged at step {step} and stopped there; change what it varies, or press Reset.</source>
        <translation>두 번째 실행({label})이 {step} 스텝에서 발산해 멈췄습니다. 바꿀 값을 고치거나 ‘처음으로’를 누르세요.</translation>
    </message>
    <message>
        <source>The training process could not start ({reason}); training runs in a thread of this window instead (slower while plots are drawn).</source>
        <translation>학습 프로세스를 시작하지 못했습니다 ({reason}). 대신 이 창의 스레드에서 학습합니다 (그래프를 그리는 동안 더 느립니다).</translation>
    </message>
    <message>
        <source>The training process has sent nothing for {seconds:.0f} s while it should train. Press Restart engine to start a new one.</source>
        <translation>학습 프로세스가 학습 중인데 {seconds:.0f}초 동안 아무것도 보내지 않았습니다. 엔진 다시 시작을 눌러 새로 시작하세요.</translation>
    </message>
    <message>
        <source>Autosave failed: {detail}</source>
        <translation>자동 저장 실패: {detail}</translation>
    </message>
    <message>
        <source>The autosaved session could not be read ({detail}); it was set aside as {path}.</source>
        <translation>자동 저장된 세션을 읽을 수 없습니다({detail}). {path}(으)로 따로 보관했습니다.</translation>
    </message>
    <message>
        <source>Restored the last session at step {step:,}; it is not saved in a file yet.</source>
        <translation>마지막 세션을 스텝 {step:,}에서 복원했습니다. 아직 파일로 저장되지 않았습니다.</translation>
    </message>
    <message>
        <source>{path} is no longer there; it was removed from the recent files.</source>
        <translation>{path} 파일이 더 이상 없어 최근 파일 목록에서 지웠습니다.</translation>
    </message>
    <message>
        <source>At least one input feature stays checked: the network needs an input.</source>
        <translation>입력 특성은 하나 이상 체크되어 있어야 합니다: 네트워크에는 입력이 필요합니다.</translation>
    </message>
    <message>
        <source>Saved the lesson {path}: add its text and goal in an editor, then open it with Open… in the Lessons panel (or send it to your students).</source>
        <translation>수업 {path}을(를) 저장했습니다. 편집기에서 설명과 목표를 넣은 뒤 수업 창의 열기…로 여세요(학생들에게 보내도 됩니다).</translation>
    </message>
    <message>
        <source>The second run starts now, at step {step:,}, from new weights: its curves begin there. Press Reset to start both runs together.</source>
        <translation>두 번째 학습은 지금 스텝 {step:,}에서 새 가중치로 시작합니다: 그 곡선은 여기서부터 그려집니다. 두 학습을 함께 시작하려면 ‘처음으로’를 누르세요.</translation>
    </message>
    <message>
        <source>Autosave is off: no folder to write it in (neither the user data folder nor a temporary one can be written). Save your run with File → Save.</source>
        <translation>자동 저장이 꺼져 있습니다: 저장할 폴더가 없습니다(사용자 데이터 폴더와 임시 폴더 모두 쓸 수 없습니다). 파일 → 저장으로 학습을 저장하세요.</translation>
    </message>
    <message>
        <source>Autosave is off in this window: another xorlab is running and autosaves its run. This one will once that one quits.</source>
        <translation>이 창에서는 자동 저장이 꺼져 있습니다: 다른 xorlab이 실행 중이며 그 학습을 자동 저장합니다. 그 xorlab이 끝나면 이 창이 자동 저장을 이어받습니다.</translation>
    </message>
    <message>
        <source>The user data folder cannot be written: autosaves go to {folder}, which the system may empty. Save your run with File → Save.</source>
        <translation>사용자 데이터 폴더에 쓸 수 없어 자동 저장은 {folder}에 합니다. 이 폴더는 시스템이 비울 수 있으니 파일 → 저장으로 학습을 저장하세요.</translation>
    </message>
    <message>
        <source>The other xorlab did not quit normally: its run is kept as the last session (File → Restore last session). This window autosaves now.</source>
        <translation>다른 xorlab이 정상적으로 종료되지 않았습니다: 그 학습은 마지막 세션으로 보관했습니다(파일 → 마지막 세션 복원). 이제 이 창이 자동 저장합니다.</translation>
    </message>
    <message>
        <source>The training process stopped unexpectedly (exit code {exitcode}). Press Play or Step to continue the run in a new one.</source>
        <translation>학습 프로세스가 예기치 않게 멈췄습니다 (종료 코드 {exitcode}). 재생이나 한 스텝을 누르면 새 프로세스에서 학습을 이어 갑니다.</translation>
    </message>
    <message>
        <source>A new training process continues the run at step {step:,}: its weights, step, epoch and history are kept.</source>
        <translation>새 학습 프로세스가 {step:,} 스텝에서 학습을 이어 갑니다: 가중치, 스텝, 에포크와 기록을 그대로 유지했습니다.</translation>
    </message>
    <message>
        <source>A new training process continues the run at step {step:,}: its weights, step, epoch and history are kept; the optimizer's state (momentum, running averages) starts afresh.</source>
        <translation>새 학습 프로세스가 {step:,} 스텝에서 학습을 이어 갑니다: 가중치, 스텝, 에포크와 기록을 그대로 유지했습니다. 최적화 방법의 상태(모멘텀, 이동 평균)는 새로 시작합니다.</translation>
    </message>
    <message>
        <source>Exported {path} ({width} × {height} px)</source>
        <translation>{path} 파일로 내보냈습니다 ({width} × {height} 픽셀)</translation>
    </message>
    <message>
        <source>Not exported: {detail}</source>
        <translation>내보내지 못했습니다: {detail}</translation>
    </message>
    <message>
        <source>Stopped at step {step:,}: the test accuracy reached {accuracy:.1%} (stop at {target:.1%}). Press Play to train on.</source>
        <translation>스텝 {step:,}에서 멈췄습니다: 테스트 정확도가 {accuracy:.1%}에 이르렀습니다 (멈춤 기준 {target:.1%}). 재생을 누르면 학습을 이어 갑니다.</translation>
    </message>
    <message>
        <source>Stopped at step {step:,}: the training accuracy reached {accuracy:.1%} (stop at {target:.1%}; there are no test points). Press Play to train on.</source>
        <translation>스텝 {step:,}에서 멈췄습니다: 학습 정확도가 {accuracy:.1%}에 이르렀습니다 (멈춤 기준 {target:.1%}, 테스트 점은 없습니다). 재생을 누르면 학습을 이어 갑니다.</translation>
    </message>
    <message>
        <source>Stopped at step {step:,}: the loss has not fallen by {min_delta:g} for {patience:,} steps (a plateau). Press Play to train on.</source>
        <translation>스텝 {step:,}에서 멈췄습니다: 손실이 {patience:,} 스텝 동안 {min_delta:g} 이상 줄지 않았습니다 (정체). 재생을 누르면 학습을 이어 갑니다.</translation>
    </message>
    <message>
        <source>Stopped at step {step:,}: the step budget is used up. Press Play to train on.</source>
        <translation>스텝 {step:,}에서 멈췄습니다: 스텝 예산을 다 썼습니다. 재생을 누르면 학습을 이어 갑니다.</translation>
    </message>
</context>
</TS>